import { z } from 'zod';
import { advanceBody, advanceListQuery, advanceView, idParams, listResponse } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { afterIdOf, idCursor, splitPage } from '../../lib/paging';
import { moneyScope } from '../contracts/visibility';
import { advanceBalances, createAdvance, findVisibleAdvance, listAdvances, presentAdvance } from './advance-service';

const create = defineRoute({
  method: 'post',
  path: '/api/advances',
  summary: 'Request an advance (借支); it goes straight into approval',
  tags: ['expenses'],
  body: advanceBody,
  response: advanceView,
  status: 201,
  handler: async ({ db, deps, user, body, audit }) => {
    const a = await createAdvance(db, deps, user, body);
    await audit({ action: 'advance.create', entityType: 'advance', entityId: a.id, after: body });
    return presentAdvance(db, a, true);
  },
});

const list = defineRoute({
  method: 'get',
  path: '/api/advances',
  summary: 'Advances: scope=mine|team|all (finance sees all), userId / status filters and q (reason) within the scope, newest first',
  tags: ['expenses'],
  query: advanceListQuery,
  response: listResponse(advanceView),
  handler: async (args) => {
    const { db, query } = args;
    const rows = await listAdvances(db, await moneyScope(args), {
      listScope: query.scope,
      userId: query.userId ? idNum(query.userId) : undefined,
      status: query.status,
      q: query.q,
      afterId: afterIdOf(query.cursor),
      limit: query.limit,
    });
    const { page, nextCursor } = splitPage(rows, query.limit, idCursor);
    return { items: await Promise.all(page.map((a) => presentAdvance(db, a, false))), nextCursor };
  },
});

const balances = defineRoute({
  method: 'get',
  path: '/api/advances/balances',
  summary: 'Outstanding advance balance per person (approved − offsets), within the caller\'s scope',
  tags: ['expenses'],
  response: z.object({ items: z.array(z.object({ user: z.object({ id: z.string(), name: z.string() }), outstanding: z.number().int(), advances: z.number().int() })) }),
  handler: async (args) => ({ items: await advanceBalances(args.db, await moneyScope(args)) }),
});

const get = defineRoute({
  method: 'get',
  path: '/api/advances/:id',
  summary: 'An advance with its offset history',
  tags: ['expenses'],
  params: idParams,
  response: advanceView,
  handler: async (args) => presentAdvance(args.db, await findVisibleAdvance(args.db, await moneyScope(args), idNum(args.params.id)), true),
});

export const advanceRoutes: RouteSpec[] = [create, list, balances, get];
