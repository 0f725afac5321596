import { z } from 'zod';
import { ERP_BATCH_MAX, ERP_ENTITIES, erpBatchBody } from '@scrm/shared';
import { readRawBody } from '../../http/body';
import type { AuthUser } from '../../http/context';
import { errors } from '../../http/errors';
import { defineRoute, type RouteSpec } from '../../http/route';
import { rowsFromWorkbook } from './excel';
import { applyErpBatch } from './service';

const entityParams = z.object({ entity: z.enum(ERP_ENTITIES, { error: '实体只能是 customers、receipts、receivables 或 shipments' }) });

/** ERP sync runs as an admin (the integration account). */
function assertErpCaller(user: AuthUser): void {
  if (user.role !== 'admin') throw errors.forbidden('只有管理员（ERP 集成账号）可以同步 ERP 数据');
}

const upsert = defineRoute({
  method: 'post',
  path: '/api/erp/:entity',
  summary: 'ERP 同步：按外部编码幂等写入客户/收款单/应收单/发货单，逐行返回结果',
  tags: ['erp'],
  params: entityParams,
  body: erpBatchBody,
  handler: async ({ db, deps, params, body, user, scope, audit }) => {
    assertErpCaller(user);
    const results = await applyErpBatch(db, deps, await scope(), user.id, params.entity, body.rows);
    await audit({ action: `erp.${params.entity}`, entityType: 'erp_batch', entityId: params.entity, after: { rows: results.length, errors: results.filter((r) => r.status === 'error').length } });
    return { results };
  },
});

const importExcel = defineRoute({
  method: 'post',
  path: '/api/erp/:entity/import',
  summary: 'Excel 导入（.xlsx，首行为字段名），与 ERP 同步同一规则',
  tags: ['erp'],
  params: entityParams,
  bodyType: 'raw',
  idempotent: false,
  handler: async ({ ctx, db, deps, params, user, scope }) => {
    assertErpCaller(user);
    const rows = await rowsFromWorkbook(await readRawBody(ctx, 10 * 1024 * 1024), params.entity);
    if (!rows.length) throw errors.badRequest('empty_workbook', 'Excel 中没有数据行');
    if (rows.length > ERP_BATCH_MAX) throw errors.badRequest('too_many_rows', `每次最多导入 ${ERP_BATCH_MAX} 行`);
    return { results: await applyErpBatch(db, deps, await scope(), user.id, params.entity, rows) };
  },
});

export const erpRoutes = [upsert, importExcel] as RouteSpec[];
