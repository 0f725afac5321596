import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { inject } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'screenshots');

/** Base URL of the real server started by the e2e global setup. */
export const baseUrl = (): string => process.env.E2E_BASE_URL ?? inject('e2eBaseUrl');

/** Launches Debian's Chromium headless with the flags this machine needs (no background networking). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-quic',
      '--no-first-run',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A page sized like the WeCom chat sidebar / a phone (360×640 by default). */
export async function newPhonePage(browser: Browser, opts: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai', ...opts });
  return context.newPage();
}

/** Saves a screenshot under test-results/screenshots (git-ignored). */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

/** Signs in through the demo picker as a seeded user and waits for the workbench. */
export async function signInAs(page: Page, wecomUserId: string): Promise<void> {
  await page.goto(baseUrl() + '/');
  await page.locator(`[data-testid="dev-user-${wecomUserId}"]`).first().click();
  await page.waitForURL(/workbench/, { timeout: 30_000 });
}
