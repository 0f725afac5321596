import { eq } from 'drizzle-orm';
import { customerGradesOut, DEFAULT_CUSTOMER_GRADES, gradeNotAllowedMessage } from '@scrm/shared';
import type { Db } from '../../db/client';
import { corps } from '../../db/schema/index';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';

/** The corp's customer grades (`corps.settings.customerGrades`, else A/B/C). */
export async function allowedGrades(db: Db, corpId: number): Promise<string[]> {
  const [corp] = await db.select({ settings: corps.settings }).from(corps).where(eq(corps.id, corpId));
  const configured = corp?.settings.customerGrades;
  return Array.isArray(configured) && configured.length ? configured.map(String) : [...DEFAULT_CUSTOMER_GRADES];
}

/** 400 `validation_failed` on `body.grade`, naming the allowed grades, unless the grade is empty or allowed. */
export async function assertGradeAllowed(db: Db, corpId: number, grade: string | null | undefined): Promise<void> {
  if (grade == null || grade === '') return;
  const allowed = await allowedGrades(db, corpId);
  if (allowed.includes(grade)) return;
  const message = gradeNotAllowedMessage(allowed);
  throw errors.validation([{ path: 'body.grade', message }], message);
}

export const gradeRoutes: RouteSpec[] = [
  defineRoute({
    method: 'get',
    path: '/api/customer-grades',
    summary: '本企业可用的客户等级（企业设置，默认 A/B/C）',
    tags: ['customers'],
    response: customerGradesOut,
    handler: async ({ db, user }) => ({ items: await allowedGrades(db, user.corpId) }),
  }),
];
