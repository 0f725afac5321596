import { z } from 'zod';
import { ERP_ENTITIES, erpBatchBody } from '@scrm/shared';
import { readRawBody } from '../../http/body';
import { defineRoute, type RouteSpec } from '../../http/route';
import { applyErpBatch, assertErpCaller, importErpWorkbook } from './service';

const entityParams = z.object({ entity: z.enum(ERP_ENTITIES, { error: '实体只能是 customers、receipts、receivables 或 shipments' }) });

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
    const workbook = await readRawBody(ctx, 10 * 1024 * 1024);
    return { results: await importErpWorkbook(db, deps, await scope(), user, params.entity, workbook) };
  },
});

export const erpRoutes = [upsert, importExcel] as RouteSpec[];
