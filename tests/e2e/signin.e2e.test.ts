import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { baseUrl, launchBrowser, newPhonePage, screenshot } from './browser';

/**
 * The sign-in journey a demo user takes in a plain browser, sized like the WeCom sidebar:
 * demo picker → workbench greeting → 我的 → switch language and back.
 */
describe('sign-in and app shell', () => {
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await newPhonePage(browser);
  });

  afterAll(async () => {
    await browser?.close();
  });

  /** The name the server itself reports for the signed-in user, so the test never hard-codes seed data. */
  async function nameFromApi(): Promise<string> {
    const token = await page.evaluate(() => {
      const raw = window.localStorage.getItem('scrm.token') ?? '';
      // uni stores values as JSON {type, data}; fall back to the raw string for other runtimes.
      try {
        const parsed = JSON.parse(raw) as { data?: unknown };
        return typeof parsed.data === 'string' ? parsed.data : raw;
      } catch {
        return raw;
      }
    });
    const answer = await page.request.get(`${baseUrl()}/api/me`, { headers: { Authorization: `Bearer ${token}` } });
    expect(answer.status()).toBe(200);
    const me = (await answer.json()) as { name: string; wecomUserId: string };
    expect(me.wecomUserId).toBe('demo.rep1');
    return me.name;
  }

  // Exact text: "Me" is also a substring of "Customers".
  const tab = (text: string) => page.locator('.uni-tabbar__item').filter({ has: page.getByText(text, { exact: true }) });

  it('opens the demo picker when nobody is signed in', async () => {
    await page.goto(`${baseUrl()}/`);
    const rep1 = page.locator('[data-testid="dev-user-demo.rep1"]');
    await rep1.waitFor({ state: 'visible', timeout: 30_000 });
    // Every seeded demo user is offered, each with its own test hook.
    for (const id of ['demo.admin', 'demo.manager', 'demo.rep9', 'demo.finance']) {
      await expect(page.locator(`[data-testid="dev-user-${id}"]`).count()).resolves.toBe(1);
    }
    await screenshot(page, 'signin-01-picker');
  });

  it('signs in as demo.rep1 and greets the user by name on the workbench', async () => {
    await page.locator('[data-testid="dev-user-demo.rep1"]').click();
    await page.waitForURL(/\/pages\/workbench\/workbench/, { timeout: 30_000 });
    const name = await nameFromApi();
    const greeting = page.locator('[data-testid="workbench-greeting"]');
    await greeting.waitFor({ state: 'visible', timeout: 30_000 });
    await expect(greeting.innerText()).resolves.toContain(name);
    await expect(greeting.innerText()).resolves.toContain('销售');
    await expect(tab('工作台').count()).resolves.toBe(1);
    await screenshot(page, 'signin-02-workbench');
  });

  it('shows the profile on 我的 and switches the whole shell to English and back', async () => {
    await tab('我的').click();
    await page.waitForURL(/\/pages\/me\/me/, { timeout: 30_000 });
    const name = await nameFromApi();
    await expect(page.locator('[data-testid="me-name"]').innerText()).resolves.toBe(name);
    // Department names from GET /api/departments, not raw ids.
    const departments = page.locator('[data-testid="me-departments"]').first();
    await departments.getByText('销售一部').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(departments.innerText()).resolves.not.toContain('#');
    await expect(page.getByText('退出登录').count()).resolves.toBeGreaterThan(0);

    await page.locator('[data-testid="language-en"]').click();
    await tab('Me').waitFor({ state: 'visible', timeout: 10_000 });
    for (const label of ['Workbench', 'Customers', 'Deals', 'Me']) {
      await expect(tab(label).count()).resolves.toBe(1);
    }
    await expect(page.getByText('Sign out').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('Language').count()).resolves.toBeGreaterThan(0);
    await expect(page.title()).resolves.toBe('Me');
    await screenshot(page, 'signin-03-me-english');

    // The choice survives a reload (persisted in storage).
    await page.reload();
    await tab('Workbench').waitFor({ state: 'visible', timeout: 30_000 });

    await page.locator('[data-testid="language-zh-Hans"]').click();
    await tab('我的').waitFor({ state: 'visible', timeout: 10_000 });
    await expect(page.getByText('退出登录').count()).resolves.toBeGreaterThan(0);
    await expect(tab('Workbench').count()).resolves.toBe(0);
    await screenshot(page, 'signin-04-me-chinese');
  });

  it('asks before signing out, then returns to the picker', async () => {
    // Cancelling keeps the session.
    await page.locator('[data-testid="logout"]').click();
    await page.locator('.wd-message-box').getByText('确定要退出登录吗？').waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.wd-message-box .wd-message-box__actions-btn').first().click();
    await page.locator('.wd-message-box').getByText('确定要退出登录吗？').waitFor({ state: 'hidden', timeout: 10_000 });
    await expect(page.locator('[data-testid="me-name"]').isVisible()).resolves.toBe(true);

    await page.locator('[data-testid="logout"]').click();
    const dialog = page.locator('.wd-message-box');
    await dialog.getByText('确定要退出登录吗？').waitFor({ state: 'visible', timeout: 10_000 });
    await screenshot(page, 'signin-05-logout-confirm');
    await dialog.locator('.wd-message-box__actions-btn').last().click();
    await page.locator('[data-testid="dev-user-demo.rep1"]').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(page.locator('[data-testid="me-name"]').count()).resolves.toBe(0);
  });

  it('sends a deep link to sign-in and back to the page afterwards', async () => {
    await page.goto(`${baseUrl()}/pages/customers/customers`);
    await page.waitForURL(/redirect=/, { timeout: 30_000 });
    await page.locator('[data-testid="dev-user-demo.rep1"]').click();
    await page.waitForURL(/\/pages\/customers\/customers/, { timeout: 30_000 });
    // The customers tab itself (its scope tabs), not the sign-in page.
    await page.locator('[data-testid="customer-scopes"]').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'signin-06-deep-link-back');
  });
});
