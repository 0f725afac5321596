import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

/** A 1×1 PNG: the "on-site photo" picked through the browser's file chooser. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

async function tokenOf(page: Page): Promise<string> {
  return page.evaluate(() => {
    const raw = window.localStorage.getItem('scrm.token') ?? '';
    try {
      const parsed = JSON.parse(raw) as { data?: unknown };
      return typeof parsed.data === 'string' ? parsed.data : raw;
    } catch {
      return raw;
    }
  });
}

async function apiGet<T>(page: Page, path: string): Promise<T> {
  const res = await page.request.get(`${baseUrl()}${path}`, { headers: { Authorization: `Bearer ${await tokenOf(page)}` } });
  expect(res.status()).toBe(200);
  return (await res.json()) as T;
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

/**
 * A field visit on a phone, with the browser granting geolocation at the customer's site:
 * plan → check in with a photo → check out → record → the leader reviews → on the customer timeline.
 */
describe('field visit journey', () => {
  let browser: Browser;
  let rep: Page;
  let customer: { id: string; name: string; latitude: number; longitude: number };
  let visitId = '';
  const summary = `客户确认试点范围 ${Date.now().toString(36)}`;

  beforeAll(async () => {
    browser = await launchBrowser();
    rep = await newPhonePage(browser, { permissions: ['geolocation'], geolocation: { latitude: 31.2, longitude: 121.4 } });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it("shows today's visits on the workbench and plans a new one for a customer", async () => {
    await signInAs(rep, 'demo.rep1');
    await byTestId(rep, 'today-visits').waitFor({ state: 'visible', timeout: 30_000 });
    const today = await apiGet<{ items: { customerId: string; customerName: string; customerLatitude: number | null; customerLongitude: number | null }[] }>(
      rep,
      '/api/visits/schedule?view=day',
    );
    const seeded = today.items.find((v) => v.customerLatitude != null)!;
    expect(seeded).toBeTruthy();
    customer = { id: seeded.customerId, name: seeded.customerName, latitude: seeded.customerLatitude!, longitude: seeded.customerLongitude! };
    await rep.context().setGeolocation({ latitude: customer.latitude + 0.0005, longitude: customer.longitude });
    await screenshot(rep, 'visits-01-workbench');

    // As opened from the customer page / sidebar: the customer is already chosen.
    await rep.goto(`${baseUrl()}/pages/visits/plan/plan?customerId=${customer.id}&customerName=${encodeURIComponent(customer.name)}`);
    await byTestId(rep, 'plan-customer').waitFor({ state: 'visible', timeout: 30_000 });
    await rep.locator('[data-testid="plan-purpose"] input').fill('试点方案沟通');
    await byTestId(rep, 'plan-submit').click();
    await rep.waitForURL(/\/pages\/visits\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    visitId = new URL(rep.url()).searchParams.get('id')!;
    expect(visitId).toMatch(/^\d+$/);
  });

  it('checks in with one tap: a distance read-out, a photo, server time', async () => {
    const distance = byTestId(rep, 'checkin-distance');
    await distance.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(distance.textContent()).resolves.toMatch(/距客户约 \d+ m/);
    const chooser = rep.waitForEvent('filechooser', { timeout: 15_000 });
    await byTestId(rep, 'checkin-photo').click();
    await (await chooser).setFiles({ name: 'site.png', mimeType: 'image/png', buffer: PNG });
    await expect(byTestId(rep, 'checkin-photo').textContent()).resolves.toContain('照片已就绪');
    await screenshot(rep, 'visits-02-checkin');
    await byTestId(rep, 'checkin-submit').click();
    await byTestId(rep, 'checkin-done').waitFor({ state: 'visible', timeout: 30_000 });
    const v = await apiGet<{ status: string; checkIn: { flags: string[]; distanceMeters: number; photoFileId: string | null } }>(rep, `/api/visits/${visitId}`);
    expect(v.status).toBe('in_progress');
    expect(v.checkIn.photoFileId).toMatch(/^\d+$/);
    expect(v.checkIn.distanceMeters).toBeLessThan(500);
    expect(v.checkIn.flags).not.toContain('out_of_range');
  });

  it('checks out and submits the visit record', async () => {
    await byTestId(rep, 'checkout-submit').click();
    await byTestId(rep, 'checkout-done').waitFor({ state: 'visible', timeout: 30_000 });
    await rep.locator('[data-testid="record-summary"] textarea').fill(summary);
    await byTestId(rep, 'record-outcome-advanced').click();
    await rep.locator('[data-testid="record-next"] input').fill('下周发送报价');
    await byTestId(rep, 'record-submit').click();
    await byTestId(rep, 'record-done').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(rep, 'record-done').textContent()).resolves.toContain(summary);
    await screenshot(rep, 'visits-03-recorded');
  });

  it('the leader reviews it from the pending list, and it is on the customer timeline', async () => {
    const leader = await newPhonePage(browser);
    await signInAs(leader, 'demo.manager');
    await leader.goto(`${baseUrl()}/pages/visits/reviews/reviews`);
    await byTestId(leader, `review-item-${visitId}`).click({ timeout: 30_000 });
    await leader.waitForURL(/\/pages\/visits\/detail\/detail/, { timeout: 30_000 });
    await byTestId(leader, 'review-star-4').click({ timeout: 30_000 });
    await leader.locator('[data-testid="review-comment"] input').fill('准备充分');
    await byTestId(leader, 'review-submit').click();
    await byTestId(leader, 'review-done').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(leader, 'visits-04-reviewed');
    const pending = await apiGet<{ items: { id: string }[] }>(leader, '/api/visits/reviews/pending');
    expect(pending.items.map((i) => i.id)).not.toContain(visitId);

    const timeline = await apiGet<{ items: { kind: string; data: { type?: string; content?: string } }[] }>(leader, `/api/customers/${customer.id}/timeline`);
    const entry = timeline.items.find((i) => i.kind === 'follow_up' && i.data.content?.includes(summary));
    expect(entry?.data.type).toBe('visit');
  });
});
