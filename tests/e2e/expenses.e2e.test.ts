import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { api, devToken, runTag } from './api-helpers';
import { baseUrl, launchBrowser, newPhonePage, screenshot, signInAs } from './browser';

/** A 1×1 PNG: the voucher photo picked through the browser's file chooser. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64');

const byTestId = (page: Page, id: string) => page.locator(`[data-testid="${id}"]`).first();

interface ClaimView {
  id: string;
  status: string;
  total: { amount: number };
  paidAmount: number | null;
  reimbursedOn: string | null;
  approvalInstanceId: string | null;
  vouchers?: { id: string }[];
}
interface ApprovalDetail {
  status: string;
  history: { action: string; actor: { name: string } | null }[];
}

/** Presses the confirming (last) button of the open wot message box. */
async function confirmDialog(page: Page, text: string): Promise<void> {
  const box = page.locator('.wd-message-box');
  await box.getByText(text).first().waitFor({ state: 'visible', timeout: 10_000 });
  await box.locator('.wd-message-box__actions-btn').last().click();
}

/**
 * 报销 across three people on phones: the rep files a claim with a photo voucher and submits it,
 * the manager approves it from the 审批 inbox (a double tap acts once; a stale second screen is
 * told who already decided), and finance marks it paid.
 */
describe('expense claim: submit with voucher → approve in inbox → reimburse', () => {
  let browser: Browser;
  let rep: Page;
  let manager: Page;
  let finance: Page;
  const title = `E2E 客户拜访差旅 ${runTag()}`;
  let claimId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    [rep, manager, finance] = await Promise.all([newPhonePage(browser), newPhonePage(browser), newPhonePage(browser)]);
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('rep fills a claim on the phone, uploads a photo voucher and submits it for approval', async () => {
    await signInAs(rep, 'demo.rep1');
    await byTestId(rep, 'wb-expenses').click();
    await rep.waitForURL(/\/pages\/expenses\/expenses/, { timeout: 30_000 });
    await byTestId(rep, 'claim-new').click();
    await rep.waitForURL(/\/pages\/expenses\/edit\/edit/, { timeout: 30_000 });

    await rep.locator('[data-testid="claim-title"] input').fill(title);
    // 0.1 + 0.2 style amounts must stay exact: 123.45 + 0.29 = 123.74 元 = 12374 fen.
    await rep.locator('[data-testid="claim-line-1"] [data-testid="line-amount"] input').fill('123.45');
    await rep.locator('[data-testid="claim-line-1"] [data-testid="line-description"] input').fill('高铁往返');
    await byTestId(rep, 'claim-add-line').click();
    await rep.locator('[data-testid="claim-line-2"] [data-testid="line-amount"] input').fill('0.29');
    await expect(byTestId(rep, 'claim-total').innerText()).resolves.toBe('¥123.74');

    // Not an image: the server refuses it (415) and the page says why in Chinese.
    let chooser = rep.waitForEvent('filechooser');
    await byTestId(rep, 'voucher-add').click();
    await (await chooser).setFiles({ name: 'notes.png', mimeType: 'image/png', buffer: Buffer.from('just some text, not a picture') });
    await byTestId(rep, 'voucher-error').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(rep, 'voucher-error').innerText()).resolves.toContain('只支持上传');
    await rep.locator('[data-testid="voucher-slot-error"] .voucher__remove').click();

    // Over 10 MB: refused before it is sent, with the same sentence as the server's 413.
    chooser = rep.waitForEvent('filechooser');
    await byTestId(rep, 'voucher-add').click();
    await (await chooser).setFiles({ name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([PNG, Buffer.alloc(11 * 1024 * 1024)]) });
    await byTestId(rep, 'voucher-error').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(rep, 'voucher-error').innerText()).resolves.toContain('文件过大');
    await rep.locator('[data-testid="voucher-slot-error"] .voucher__remove').click();
    await expect(rep.locator('[data-testid="voucher-error"]').count()).resolves.toBe(0);

    chooser = rep.waitForEvent('filechooser');
    await byTestId(rep, 'voucher-add').click();
    await (await chooser).setFiles({ name: 'taxi.png', mimeType: 'image/png', buffer: PNG });
    await byTestId(rep, 'voucher-slot-done').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(rep.locator('[data-testid="voucher-error"]').count()).resolves.toBe(0);
    await screenshot(rep, 'expenses-01-claim-form');

    await byTestId(rep, 'claim-submit').click();
    await confirmDialog(rep, '提交后将进入审批');
    await rep.waitForURL(/\/pages\/expenses\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    claimId = new URL(rep.url()).searchParams.get('id') ?? '';
    await expect(byTestId(rep, 'claim-status').innerText()).resolves.toBe('审批中');
    await byTestId(rep, 'approval-timeline').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(rep, 'expenses-02-claim-submitted');

    const claim = await api<ClaimView>(await devToken('demo.rep1'), 'GET', `/api/expense-claims/${claimId}`);
    expect(claim).toMatchObject({ status: 'pending', total: { amount: 12374 } });
    expect(claim.vouchers).toHaveLength(1);
  });

  it('manager sees it in 待我审批 and approves once, even with a double tap; a stale screen is told who decided', async () => {
    await signInAs(manager, 'demo.manager');
    await byTestId(manager, 'wb-approvals-badge').waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(manager, 'expenses-00-workbench');
    await byTestId(manager, 'wb-approvals').click();
    await manager.waitForURL(/\/pages\/approvals\/approvals/, { timeout: 30_000 });
    await byTestId(manager, 'approval-count-todo').waitFor({ state: 'visible', timeout: 30_000 });
    const item = manager.locator('[data-testid^="approval-item-"]').filter({ hasText: title });
    await item.waitFor({ state: 'visible', timeout: 30_000 });
    await screenshot(manager, 'expenses-03-inbox');
    await item.click();
    await manager.waitForURL(/\/pages\/approvals\/detail\/detail\?id=\d+/, { timeout: 30_000 });
    const approvalUrl = manager.url();
    await byTestId(manager, 'approval-document').waitFor({ state: 'visible', timeout: 30_000 });
    // The rep's voucher photo is shown with the document (loaded with the manager's session).
    const thumbnail = manager.locator('[data-testid="approval-document"] [data-testid^="voucher-"] img');
    await thumbnail.first().waitFor({ state: 'attached', timeout: 30_000 });
    await expect(thumbnail.count()).resolves.toBe(1);
    await expect(thumbnail.first().evaluate((img: HTMLImageElement) => img.decode().then(() => img.naturalWidth))).resolves.toBe(1);

    // The same approval open on a second screen, before anyone acts.
    const stale = await manager.context().newPage();
    await stale.setViewportSize({ width: 360, height: 640 });
    await stale.goto(approvalUrl);
    await byTestId(stale, 'approval-action-approve').waitFor({ state: 'visible', timeout: 30_000 });

    await byTestId(manager, 'approval-action-approve').click();
    await byTestId(manager, 'approval-sheet').waitFor({ state: 'visible', timeout: 10_000 });
    await manager.locator('[data-testid="approval-comment"] textarea').fill('同意，票据齐全');
    await screenshot(manager, 'expenses-04-approve-sheet');
    await byTestId(manager, 'approval-confirm').dblclick();
    await manager.locator('[data-testid="approval-status"]').getByText('已通过').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(manager.locator('[data-testid="approval-actions"]').count()).resolves.toBe(0);
    await screenshot(manager, 'expenses-05-approved');

    const claim = await api<ClaimView>(await devToken('demo.rep1'), 'GET', `/api/expense-claims/${claimId}`);
    expect(claim.status).toBe('approved');
    const detail = await api<ApprovalDetail>(await devToken('demo.manager'), 'GET', `/api/approvals/${claim.approvalInstanceId}`);
    expect(detail.history.filter((h) => h.action === 'approve')).toHaveLength(1);

    // The stale screen still offers 同意; pressing it explains that the manager already approved.
    await byTestId(stale, 'approval-action-approve').click();
    await byTestId(stale, 'approval-confirm').click();
    const alert = stale.locator('.wd-message-box');
    await alert.getByText('该审批已被处理').first().waitFor({ state: 'visible', timeout: 30_000 });
    const { name: managerName } = await api<{ name: string }>(await devToken('demo.manager'), 'GET', '/api/me');
    await expect(alert.innerText()).resolves.toContain(`${managerName} 已于`);
    await expect(alert.innerText()).resolves.toContain('同意');
    await screenshot(stale, 'expenses-06-already-decided');
    await stale.close();
  });

  it('finance finds it among claims to pay and marks it reimbursed, offsetting part of an advance', async () => {
    // rep1 owes ¥50.00 on an approved advance; finance offsets ¥23.74 of it and pays the rest.
    const repToken = await devToken('demo.rep1');
    const advance = await api<{ id: string; approvalInstanceId: string }>(repToken, 'POST', '/api/advances', { amount: 5000, reason: `E2E 备用金 ${title}` });
    await api(await devToken('demo.manager'), 'POST', `/api/approvals/${advance.approvalInstanceId}/actions/approve`, {});

    await signInAs(finance, 'demo.finance');
    await finance.goto(`${baseUrl()}/pages/expenses/expenses`);
    await byTestId(finance, 'finance-entry').click();
    await finance.waitForURL(/\/pages\/expenses\/finance\/finance/, { timeout: 30_000 });
    await byTestId(finance, `finance-claim-${claimId}`).click();
    await finance.waitForURL(/\/pages\/expenses\/detail\/detail/, { timeout: 30_000 });
    await byTestId(finance, 'reimburse-form').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(finance, 'reimburse-paid').innerText()).resolves.toBe('¥123.74');
    const offset = finance.locator(`[data-testid="offset-${advance.id}"] input`);
    await offset.waitFor({ state: 'visible', timeout: 30_000 });
    await offset.fill('23.74');
    await expect(byTestId(finance, 'reimburse-paid').innerText()).resolves.toBe('¥100.00');
    await screenshot(finance, 'expenses-07-reimburse-form');

    await byTestId(finance, 'reimburse-submit').click();
    await confirmDialog(finance, '¥100.00');
    await finance.locator('[data-testid="claim-status"]').getByText('已报销').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(byTestId(finance, 'claim-paid').innerText()).resolves.toContain('¥100.00');
    await screenshot(finance, 'expenses-08-reimbursed');

    const claim = await api<ClaimView & { offsetAmount: number }>(repToken, 'GET', `/api/expense-claims/${claimId}`);
    expect(claim).toMatchObject({ status: 'reimbursed', paidAmount: 10000, offsetAmount: 2374 });
    expect(claim.reimbursedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const after = await api<{ outstanding: number; offsets: { claimId: string; amount: number }[] }>(repToken, 'GET', `/api/advances/${advance.id}`);
    expect(after).toMatchObject({ outstanding: 2626, offsets: [{ claimId, amount: 2374 }] });
  });

  /** A claim submitted straight through the API by another rep, for the manager's other decisions. */
  async function submittedClaim(wecomUserId: string, claimTitle: string): Promise<ClaimView> {
    const token = await devToken(wecomUserId);
    const { items } = await api<{ items: { id: string }[] }>(token, 'GET', '/api/expense-categories');
    const draft = await api<ClaimView>(token, 'POST', '/api/expense-claims', {
      title: claimTitle,
      lines: [{ spentOn: '2026-11-20', categoryId: items[0]!.id, amount: 8800, description: '打车' }],
      voucherFileIds: [],
    });
    return api<ClaimView>(token, 'POST', `/api/expense-claims/${draft.id}/submit`, {});
  }

  it('rejecting needs a comment; transferring hands the task to a chosen colleague', async () => {
    const toReject = await submittedClaim('demo.rep3', `E2E 待驳回 ${title}`);
    await manager.goto(`${baseUrl()}/pages/approvals/detail/detail?id=${toReject.approvalInstanceId}`);
    await byTestId(manager, 'approval-action-reject').click();
    await byTestId(manager, 'approval-confirm').click();
    await expect(byTestId(manager, 'approval-comment-error').innerText()).resolves.toBe('驳回时必须填写意见');
    await manager.locator('[data-testid="approval-comment"] textarea').fill('缺少发票');
    await byTestId(manager, 'approval-confirm').click();
    await manager.locator('[data-testid="approval-status"]').getByText('已驳回').waitFor({ state: 'visible', timeout: 30_000 });
    await expect(api<ClaimView>(await devToken('demo.rep3'), 'GET', `/api/expense-claims/${toReject.id}`)).resolves.toMatchObject({ status: 'rejected' });

    const toTransfer = await submittedClaim('demo.rep4', `E2E 待转交 ${title}`);
    await manager.goto(`${baseUrl()}/pages/approvals/detail/detail?id=${toTransfer.approvalInstanceId}`);
    await byTestId(manager, 'approval-action-transfer').click();
    await byTestId(manager, 'approval-user-demo.manager2').click();
    await screenshot(manager, 'expenses-09-transfer-sheet');
    await byTestId(manager, 'approval-confirm').click();
    await manager.locator('[data-testid="approval-actions"]').waitFor({ state: 'detached', timeout: 30_000 });
    const todo = await api<{ items: { id: string }[] }>(await devToken('demo.manager2'), 'GET', '/api/approvals?box=todo');
    expect(todo.items.map((i) => i.id)).toContain(toTransfer.approvalInstanceId);
  });
});
