import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, devToken, runTag, syncWecom } from './api-helpers';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

interface Ctx {
  externalContact: { id: string; name: string; corpName: string | null };
  customer: { id: string; name: string } | null;
  lead: unknown;
  boundElsewhere?: unknown;
}

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();
const sidebarUrl = (externalUserId: string) =>
  `${baseUrl()}/pages/sidebar/sidebar?entry=single_chat_tools&externalUserId=${encodeURIComponent(externalUserId)}`;

/**
 * The chat toolbar as demo.rep1 sees it in a 360 px sidebar, driven through the browser shim
 * (`?entry=single_chat_tools&externalUserId=…`): an unknown chat partner becomes a customer from
 * the WeCom profile, then a follow-up logged in the sidebar shows on the card and the timeline.
 */
describe('chat sidebar', () => {
  let browser: Browser;
  let page: Page;
  let rep1: string;
  let unbound: string;
  const tag = runTag();
  const customerName = `某某科技 侧边栏 ${tag}`;
  const note = `客户确认下周安排演示 ${tag}`;

  beforeAll(async () => {
    await syncWecom();
    rep1 = await devToken('demo.rep1');
    // rep1's chat partners from the emulator seed; take one the CRM knows nothing about yet.
    for (const id of ['wm_demo_rep1_1', 'wm_demo_rep1_2', 'wm_demo_rep1_3']) {
      const ctx = await api<Ctx>(rep1, 'GET', `/api/sidebar/context?externalUserId=${id}`);
      if (!ctx.customer && !ctx.lead && !ctx.boundElsewhere) {
        unbound = id;
        break;
      }
    }
    expect(unbound, 'an unbound demo external contact of demo.rep1').toBeTruthy();
    browser = await launchBrowser();
    page = await newPhonePage(browser);
    await signInAs(page, 'demo.rep1');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('says where to open it when there is no chat', async () => {
    await page.goto(`${baseUrl()}/pages/sidebar/sidebar?entry=normal`);
    await page.getByText('请在与客户的单聊或客户群的聊天工具栏中打开').waitFor({ state: 'visible', timeout: 30_000 });
  });

  it('offers bind / create / lead for an unbound chat partner and creates the customer from the profile', async () => {
    const profile = await api<Ctx>(rep1, 'GET', `/api/sidebar/context?externalUserId=${unbound}`);
    await page.goto(sidebarUrl(unbound));
    await byTestId(page, 'sidebar-unbound').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(page, 'sidebar-external').innerText()).resolves.toContain(profile.externalContact.name);
    await expect(byTestId(page, 'sidebar-bind').isVisible()).resolves.toBe(true);
    await expect(byTestId(page, 'sidebar-keep-lead').isVisible()).resolves.toBe(true);
    await screenshot(page, 'sidebar-01-unbound');

    await byTestId(page, 'sidebar-create').click();
    const name = page.locator('[data-testid="create-customer-name"] input');
    await name.waitFor({ state: 'visible', timeout: 10_000 });
    // Prefilled from the WeCom profile: company and person.
    await expect(name.inputValue()).resolves.toBe(profile.externalContact.corpName);
    await expect(page.locator('[data-testid="create-contact-name"] input').inputValue()).resolves.toBe(profile.externalContact.name);
    await screenshot(page, 'sidebar-02-create-form');
    // A unique name so the run never collides with the demo book's duplicate check.
    await name.fill(customerName);
    await byTestId(page, 'create-customer-submit').click();

    await byTestId(page, 'customer-card').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(page, 'customer-card-name').innerText()).resolves.toBe(customerName);
    await expect(byTestId(page, 'customer-card').innerText()).resolves.toContain('负责人');
    const ctx = await api<Ctx>(rep1, 'GET', `/api/sidebar/context?externalUserId=${unbound}`);
    expect(ctx.customer?.name).toBe(customerName);
    await screenshot(page, 'sidebar-03-card');
  });

  it('logs a one-tap WeChat follow-up that shows on the card and on the customer timeline', async () => {
    await page.goto(sidebarUrl(unbound));
    await byTestId(page, 'customer-card').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(page, 'sidebar-follow-ups').innerText()).resolves.toContain('还没有跟进记录');
    // 微信 is preset in a chat.
    await expect(byTestId(page, 'follow-up-type-wechat').getAttribute('class')).resolves.toContain('qfu__type--on');
    await page.locator('[data-testid="follow-up-content"] textarea').fill(note);
    await byTestId(page, 'follow-up-submit').click();

    const list = byTestId(page, 'sidebar-follow-ups');
    await list.getByText(note).waitFor({ state: 'visible', timeout: 30_000 });
    await expect(list.innerText()).resolves.toContain('微信');
    await expect(byTestId(page, 'customer-card').innerText()).resolves.toMatch(/1\s*跟进次数/);
    await screenshot(page, 'sidebar-04-follow-up');

    const ctx = await api<Ctx>(rep1, 'GET', `/api/sidebar/context?externalUserId=${unbound}`);
    const timeline = await api<{ items: { kind: string; title: string; data: Record<string, unknown> }[] }>(
      rep1,
      'GET',
      `/api/customers/${ctx.customer!.id}/timeline`,
    );
    expect(timeline.items.some((i) => i.kind === 'follow_up' && JSON.stringify(i).includes(note))).toBe(true);

    // The same entry on the customer page's timeline, one tap away.
    await byTestId(page, 'sidebar-open-detail').click();
    await page.waitForURL(/\/pages\/customers\/detail\/detail/, { timeout: 30_000 });
    await byTestId(page, 'customer-tab-timeline').click();
    await byTestId(page, 'customer-timeline').getByText(note).waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(page, 'sidebar-05-timeline');
  });
  it('binds a customer group to a customer, then shows the same card', async () => {
    const target = await api<{ id: string; name: string }>(rep1, 'POST', '/api/customers', { name: `群聊客户 E2E ${tag}`, grade: 'B' });
    const chatId = `wr_e2e_${tag}`;
    await page.goto(`${baseUrl()}/pages/sidebar/sidebar?entry=group_chat_tools&chatId=${chatId}`);
    await byTestId(page, 'sidebar-unbound').getByText('该客户群尚未关联客户').waitFor({ state: 'visible', timeout: 30_000 });
    await byTestId(page, 'sidebar-bind').click();
    await page.locator('[data-testid="bind-search-input"] input').fill(target.name);
    await byTestId(page, 'bind-search-go').click();
    await byTestId(page, `bind-customer-${target.id}`).click();
    await byTestId(page, 'customer-card').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(page, 'customer-card-name').innerText()).resolves.toBe(target.name);
    await screenshot(page, 'sidebar-06-group');
    const binding = await api<{ bound: boolean; customer: { id: string } | null }>(rep1, 'GET', `/api/sidebar/group-context?chatId=${chatId}`);
    expect(binding.customer?.id).toBe(target.id);
  });
});

/**
 * A chat partner kept as a lead: 转为客户 in the sidebar runs the lead-conversion wizard, so the
 * lead ends converted (not a second customer beside an active lead) and the card shows after.
 */
describe('chat sidebar lead', () => {
  it('converts the lead through the wizard and comes back to the customer card', async () => {
    await syncWecom();
    const rep = await devToken('demo.rep7');
    const externalUserId = 'wm_demo_rep7_2';
    const before = await api<Ctx>(rep, 'GET', `/api/sidebar/context?externalUserId=${externalUserId}`);
    expect(before.customer, 'an unbound demo external contact of demo.rep7').toBeNull();
    if (!before.lead) await api(rep, 'POST', '/api/sidebar/keep-as-lead', { externalUserId });
    const { lead } = await api<{ lead: { id: string } | null }>(rep, 'GET', `/api/sidebar/context?externalUserId=${externalUserId}`);
    expect(lead).toBeTruthy();

    const browser = await launchBrowser();
    try {
      const page = await newPhonePage(browser);
      await signInAs(page, 'demo.rep7');
      await page.goto(sidebarUrl(externalUserId));
      await byTestId(page, 'sidebar-lead').waitFor({ state: 'visible', timeout: 30_000 });
      await byTestId(page, 'sidebar-lead-convert').click();
      await page.waitForURL(/\/pages\/leads\/convert\/convert/, { timeout: 30_000 });
      await byTestId(page, 'convert-mode-new').click({ timeout: 30_000 });
      await byTestId(page, 'convert-next').click();
      await page.locator('[data-testid="convert-customer-name"] input').fill(`侧边栏线索转换 ${runTag()}`);
      await byTestId(page, 'convert-next').click();
      await byTestId(page, 'convert-submit').click();
      await page.waitForURL(/\/pages\/sidebar\/sidebar/, { timeout: 30_000 });
      await byTestId(page, 'customer-card').waitFor({ state: 'visible', timeout: 30_000 });
      await screenshot(page, 'sidebar-07-lead-converted');
      const after = await api<{ status: string; convertedCustomerId: string | null }>(rep, 'GET', `/api/leads/${lead!.id}`);
      expect(after.status).toBe('converted');
      const ctx = await api<Ctx>(rep, 'GET', `/api/sidebar/context?externalUserId=${externalUserId}`);
      expect(ctx.customer?.id).toBe(after.convertedCustomerId);
    } finally {
      await browser.close();
    }
  });
});

/**
 * First paint budget of the chat sidebar: ≤ 150 KB gzip JavaScript in all. Every script a fresh
 * page load fetches to show the card is gzip-compressed here (what a gzip-serving proxy sends).
 * The shared entry chunk (uni's H5 runtime, Vue, vue-i18n's runtime-only build, pinia, the shell
 * and the route table of every page) is reported apart from the sidebar's own share.
 */
describe('chat sidebar first screen', () => {
  it('stays within 150 KB gzip JavaScript in all, at most 20 KB of it the sidebar page', async () => {
    const { gzipSync } = await import('node:zlib');
    await syncWecom();
    const html = await (await fetch(`${baseUrl()}/`)).text();
    const entry = /<script[^>]+src="([^"]+\.js)"/.exec(html)?.[1];
    expect(entry, 'the entry script of index.html').toBeTruthy();
    const browser = await launchBrowser();
    try {
      const page = await newPhonePage(browser);
      await signInAs(page, 'demo.rep1');
      // A fresh page load, as when WeCom opens the toolbar page (session already in storage).
      const scripts = new Map<string, Buffer>();
      page.on('response', (res) => {
        if (res.request().resourceType() === 'script') void res.body().then((b) => scripts.set(res.url(), b)).catch(() => undefined);
      });
      await page.goto(sidebarUrl('wm_demo_rep1_1'), { waitUntil: 'networkidle' });
      await page.locator('[data-testid="customer-card"], [data-testid="sidebar-unbound"]').first().waitFor({ state: 'visible', timeout: 30_000 });
      await page.waitForLoadState('networkidle');
      let total = 0;
      let shared = 0;
      const lines: string[] = [];
      for (const [url, body] of scripts) {
        const gz = gzipSync(body, { level: 9 }).length;
        total += gz;
        if (url.endsWith(entry!)) shared += gz;
        lines.push(`  ${url.replace(/^.*\//, '')} ${(gz / 1024).toFixed(1)} KB`);
      }
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`;
      // Printed for the record (quoted in the issue report).
      process.stdout.write(`sidebar first screen, gzip JS: total ${kb(total)} = entry ${kb(shared)} + sidebar ${kb(total - shared)}\n${lines.join('\n')}\n`);
      expect(shared).toBeGreaterThan(0);
      expect(total - shared).toBeLessThanOrEqual(20 * 1024);
      expect(total).toBeLessThanOrEqual(150 * 1024);
    } finally {
      await browser.close();
    }
  });
});
