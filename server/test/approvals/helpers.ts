import { and, eq } from 'drizzle-orm';
import type { ApprovalDocType } from '@scrm/shared';
import { userDepartments, wecomOutbox } from '../../src/db/schema/index';
import { startApproval } from '../../src/modules/approvals/service';
import type { TestCorp, TestServer } from '../harness';

let nextDoc = 1000;
/** Starts an approval of a fresh document id as `applicant` (the way document modules do). */
export async function start(
  t: TestServer,
  corp: TestCorp,
  applicant: string,
  opts: { docType?: ApprovalDocType; amount?: number; attributes?: Record<string, unknown>; docId?: number } = {},
) {
  const docId = opts.docId ?? nextDoc++;
  return t.db.transaction((tx) =>
    startApproval(tx, t.deps, {
      corpId: corp.id,
      docType: opts.docType ?? 'refund',
      docId,
      applicantUserId: corp.users[applicant]!.id,
      amount: opts.amount ?? null,
      attributes: opts.attributes,
      title: `测试单据 ${docId}`,
      summary: '测试',
    }),
  );
}

/** Makes `key` the leader of `department` (the harness corp has no leader of 总部). */
export async function makeLeader(t: TestServer, corp: TestCorp, key: string, department: string) {
  await t.db
    .update(userDepartments)
    .set({ isLeader: true })
    .where(and(eq(userDepartments.userId, corp.users[key]!.id), eq(userDepartments.departmentId, corp.departments[department]!)));
}

export async function outboxFor(t: TestServer, corp: TestCorp) {
  return t.db.select().from(wecomOutbox).where(eq(wecomOutbox.corpId, corp.id));
}

export const ids = (corp: TestCorp, ...keys: string[]) => keys.map((k) => String(corp.users[k]!.id));
