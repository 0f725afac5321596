import { instalmentListQuery, instalmentListResponse } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { encodeCursor, idNum } from '../../lib/ids';
import { afterOf, listInstalments, presentInstalmentItem } from './instalments';
import { shanghaiDate } from './money';
import { moneyScope } from './visibility';

const list = defineRoute({
  method: 'get',
  path: '/api/instalments',
  summary: '回款计划列表（生效合同的各期，逾期最久的在前；财务可见全部）',
  tags: ['contracts'],
  query: instalmentListQuery,
  response: instalmentListResponse,
  handler: async ({ db, deps, query, user, scope }) => {
    const s = await moneyScope({ user, scope });
    const today = shanghaiDate(deps.now());
    const rows = await listInstalments(
      db,
      s,
      {
        scope: query.scope,
        status: query.status,
        contractId: query.contractId ? idNum(query.contractId) : undefined,
        customerId: query.customerId ? idNum(query.customerId) : undefined,
        q: query.q,
        after: afterOf(query.cursor),
        limit: query.limit,
      },
      today,
    );
    const more = rows.length > query.limit;
    const page = more ? rows.slice(0, query.limit) : rows;
    const last = page[page.length - 1];
    return { items: page.map((r) => presentInstalmentItem(r, today)), nextCursor: more && last ? encodeCursor([last.i.dueOn, last.i.id]) : null };
  },
});

export const instalmentRoutes = [list] as RouteSpec[];
