import { instalmentListQuery, instalmentListResponse } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { afterKeyOf, keyCursor, pageOf } from '../../lib/paging';
import { listInstalments, presentInstalmentItem } from './instalments';
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
        after: afterKeyOf(query.cursor, 'string'),
        limit: query.limit,
      },
      today,
    );
    return pageOf(rows, query.limit, (r) => presentInstalmentItem(r, today), (r) => keyCursor(r.i.dueOn, r.i.id));
  },
});

export const instalmentRoutes = [list] as RouteSpec[];
