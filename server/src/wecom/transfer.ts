import type { Db } from '../db/client';
import { wecomTransfers } from '../db/schema/index';
import type { AppDeps } from '../http/context';
import { errors } from '../http/errors';
import { wecomClient } from './client';
import { toAppError } from './http-errors';

/** Chinese explanations of WeCom's handover refusals (per customer errcode). */
const LIMIT_MESSAGES: Record<number, string> = {
  40128: '该客户 90 天内已转接过 2 次，企业微信不允许再次转接，请 90 天后再试',
  40129: '该客户正在转接中（企业微信在 24 小时后才完成接替），请等待完成后再操作',
  40130: '原跟进人与接替人相同，无需转接',
  84061: '原跟进成员并未添加该客户，无法转接',
  40097: '该成员尚未离职，请使用在职继承',
  40098: '接替成员尚未激活企业微信',
  40100: '原跟进成员不是离职状态',
};

export interface TransferRequest {
  corpId: number;
  kind: 'in_service' | 'resigned';
  handoverWecomUserId: string;
  takeoverWecomUserId: string;
  externalUserIds: string[];
  requestedBy?: number;
  /** Shown to the customer (in-service only); WeCom's default text when omitted. */
  successMessage?: string;
}

export interface TransferOutcome {
  externalUserId: string;
  ok: boolean;
  errcode: number;
  /** Chinese explanation when WeCom refused (24 h / twice per 90 days…). */
  message: string | null;
}

/**
 * Hands customers over in WeCom (in-service: `transfer_customer`, takes effect after 24 h, max two
 * per customer per 90 days; departed: `resigned/transfer_customer`) and records both sides per
 * customer. The CRM's transfer action calls this; refusals come back explained, not thrown.
 */
export async function transferCustomers(deps: AppDeps, db: Db, req: TransferRequest): Promise<TransferOutcome[]> {
  if (req.externalUserIds.length === 0) return [];
  if (req.externalUserIds.length > 100) throw errors.badRequest('too_many_customers', '一次最多转接 100 个客户');
  const client = wecomClient(deps);
  const body = { handover_userid: req.handoverWecomUserId, takeover_userid: req.takeoverWecomUserId, external_userid: req.externalUserIds };
  let result;
  try {
    result = req.kind === 'in_service' ? await client.transferCustomer({ ...body, transfer_success_msg: req.successMessage }) : await client.transferResignedCustomer(body);
  } catch (err) {
    throw toAppError(err);
  }
  const outcomes: TransferOutcome[] = req.externalUserIds.map((ext) => {
    const errcode = result.customer.find((c) => c.external_userid === ext)?.errcode ?? -1;
    return { externalUserId: ext, ok: errcode === 0, errcode, message: errcode === 0 ? null : (LIMIT_MESSAGES[errcode] ?? `企业微信拒绝转接（错误码 ${errcode}）`) };
  });
  await db.insert(wecomTransfers).values(
    outcomes.map((o) => ({
      corpId: req.corpId,
      kind: req.kind,
      externalUserId: o.externalUserId,
      handoverUserId: req.handoverWecomUserId,
      takeoverUserId: req.takeoverWecomUserId,
      status: o.ok ? 'requested' : 'failed',
      errcode: o.errcode,
      message: o.message ?? (req.kind === 'in_service' ? '已提交，企业微信将在 24 小时后完成接替' : '已提交离职继承'),
      requestedBy: req.requestedBy ?? null,
    })),
  );
  return outcomes;
}
