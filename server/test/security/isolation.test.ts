import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type Api, type TestServer } from '../harness';
import { allRoutes, concretePaths, paramRefs, pathParams, UNCOVERED } from './routes';
import { bodyFor, buildWorld, type Kind, type World } from './world';

let t: TestServer;
let A: World;
let B: World;
beforeAll(async () => {
  t = await startTestServer();
  A = await buildWorld(t);
  B = await buildWorld(t);
}, 120_000);
afterAll(async () => t.close());

const withParams = allRoutes.filter((r) => r.spec.auth !== 'none' && pathParams(r.spec.path).length > 0);
const call = (api: Api, method: string, path: string, body: unknown) => api.request(method, path, method === 'GET' ? undefined : (body ?? {}));
const show = (method: string, path: string, res: { status: number; text: string }) => `${method} ${path} → ${res.status} ${res.text.slice(0, 200)}`;

describe('security: the route table is audited', () => {
  it('every route with a path parameter is mapped to a kind of record or listed as uncovered with a reason', () => {
    const unmapped = allRoutes
      .filter((r) => pathParams(r.spec.path).length > 0 && !UNCOVERED[r.key] && !paramRefs(r))
      .map((r) => r.key);
    expect(unmapped, 'map these in server/test/security/routes.ts (or list them in UNCOVERED with a reason)').toEqual([]);
    for (const key of Object.keys(UNCOVERED)) expect(allRoutes.some((r) => r.key === key), `stale UNCOVERED entry ${key}`).toBe(true);
  });
});

describe('security: another corp never reaches a record', () => {
  it('every id route answers 404 to the other corp\'s admin (all scope) and 404/403 to its rep, never 200/500', async () => {
    const bad: string[] = [];
    for (const r of withParams) {
      const refs = paramRefs(r);
      if (!refs) continue;
      const method = r.spec.method.toUpperCase();
      for (const path of concretePaths(r.spec.path, refs, A.ids)) {
        // A body valid in the caller's own corp (its users, contacts…), so only the record's corp differs.
        const asAdmin = await call(B.corp.users.admin!.api, method, path, bodyFor(B, r.key, B.corp.users.admin!));
        if (asAdmin.status !== 404) bad.push(`admin of B: ${show(method, path, asAdmin)}`);
        const asRep = await call(B.corp.users.rep1!.api, method, path, bodyFor(B, r.key, B.corp.users.rep1!));
        if (asRep.status !== 404 && asRep.status !== 403) bad.push(`rep1 of B: ${show(method, path, asRep)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('no list or report of the other corp shows a record (by id or by name)', async () => {
    const bad: string[] = [];
    const lists = allRoutes.filter((r) => r.spec.method === 'get' && r.spec.auth !== 'none' && pathParams(r.spec.path).length === 0);
    for (const r of lists) {
      for (const who of ['admin', 'finance', 'manager'] as const) {
        for (const qs of ['', '?scope=all', '?scope=team', '?scope=pool']) {
          const res = await B.corp.users[who]!.api.get(r.spec.path + qs);
          if (res.status >= 500) bad.push(`${who} of B: ${show('GET', r.spec.path + qs, res)}`);
          if (res.text.includes(A.marker)) bad.push(`${who} of B sees corp A's data: GET ${r.spec.path}${qs}`);
          if (res.text.includes(A.corp.wecomCorpId)) bad.push(`${who} of B sees corp A's corp id: GET ${r.spec.path}${qs}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('the other corp\'s own lists still work (the walk above is not vacuous)', async () => {
    const res = await B.corp.users.rep1!.api.get('/api/customers');
    expect(res.status).toBe(200);
    expect(res.text).toContain(B.marker);
  });
});

/** Kinds of records owned by a person (rep1 here): visible to rep1's leader and admin, hidden from other reps and other departments. */
const OWNED: Kind[] = [
  'customer', 'contact', 'followUp', 'lead', 'opportunity', 'oppContact', 'supportRequest', 'quote', 'visit', 'file',
  'expenseClaim', 'advance', 'report', 'approval', 'contract', 'receipt', 'receivable', 'order', 'shipment', 'invoice',
  'asset', 'groupChat',
];

describe('security: data scope inside a corp', () => {
  const ownedRoutes = () =>
    withParams.filter((r) => {
      const refs = paramRefs(r);
      return refs && refs.some((p) => 'kind' in p && OWNED.includes(p.kind));
    });

  it('rep2 (same department) and manager2 (other department) get 404 on every read, edit and action of rep1\'s records', async () => {
    const bad: string[] = [];
    for (const r of ownedRoutes()) {
      const method = r.spec.method.toUpperCase();
      for (const path of concretePaths(r.spec.path, paramRefs(r)!, A.ids)) {
        for (const who of ['rep2', 'manager2', 'rep9'] as const) {
          const res = await call(A.corp.users[who]!.api, method, path, bodyFor(A, r.key, A.corp.users[who]!));
          if (res.status !== 404) bad.push(`${who}: ${show(method, path, res)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it('manager (leader of rep1\'s department) and admin read every detail of rep1\'s records', async () => {
    const bad: string[] = [];
    for (const r of ownedRoutes().filter((x) => x.spec.method === 'get')) {
      for (const path of concretePaths(r.spec.path, paramRefs(r)!, A.ids)) {
        for (const who of ['manager', 'admin', 'rep1'] as const) {
          const res = await A.corp.users[who]!.api.get(path);
          if (res.status !== 200) bad.push(`${who}: ${show('GET', path, res)}`);
        }
      }
    }
    expect(bad).toEqual([]);
  });

  it.each([
    ['customer', '/api/customers/'],
    ['opportunity', '/api/opportunities/'],
    ['visit', '/api/visits/'],
    ['expenseClaim', '/api/expense-claims/'],
    ['contract', '/api/contracts/'],
  ] as const)('a rep cannot read another rep\'s %s; the other department\'s manager cannot; the rep\'s manager can', async (kind, base) => {
    const path = base + A.ids[kind];
    expect((await A.corp.users.rep2!.api.get(path)).status).toBe(404);
    expect((await A.corp.users.manager2!.api.get(path)).status).toBe(404);
    expect((await A.corp.users.manager!.api.get(path)).status).toBe(200);
  });
});

describe('security: routes outside the generic walk', () => {
  it('ERP sync is admin only and writes only into the caller\'s corp', async () => {
    for (const who of ['rep1', 'manager', 'finance'] as const) {
      const res = await B.corp.users[who]!.api.post('/api/erp/customers', { items: [] });
      expect([403, 400], `${who}: ${res.text}`).toContain(res.status);
      expect((await B.corp.users[who]!.api.post('/api/erp/customers/import', {})).status).not.toBe(200);
    }
  });

  it('dead letters are admin only and never another corp\'s', async () => {
    expect((await A.corp.users.rep1!.api.get('/api/wecom/dead-letters')).status).toBe(403);
    const mine = await A.corp.users.admin!.api.get('/api/wecom/dead-letters?queue=outbox');
    expect(mine.status).toBe(200);
    expect(mine.text).toContain(`"${A.ids.deadLetter}"`);
    const theirs = await B.corp.users.admin!.api.get('/api/wecom/dead-letters?queue=outbox');
    expect(theirs.status).toBe(200);
    expect(theirs.body.items.map((i: { id: string }) => i.id)).not.toContain(A.ids.deadLetter);
  });

  it('/api/users lists only the caller\'s corp', async () => {
    const res = await B.corp.users.rep1!.api.get('/api/users?limit=100');
    expect(res.status).toBe(200);
    const ids = res.body.items.map((u: { id: string }) => u.id);
    expect(ids).toContain(String(B.corp.users.rep1!.id));
    expect(ids).not.toContain(String(A.corp.users.rep1!.id));
  });
});

describe('security: records seen through another record', () => {
  it('the customer timeline shows stage changes only of opportunities the caller may see (a collaborator sees the customer, not its deals)', async () => {
    const rep1 = A.corp.users.rep1!;
    const rep9 = A.corp.users.rep9!;
    const put = await rep1.api.request('PUT', `/api/customers/${A.ids.customer}/collaborators`, { collaborators: [{ userId: String(rep9.id), permission: 'read' }] });
    expect(put.status, put.text).toBe(200);
    const kinds = async (who: typeof rep1) => {
      const res = await who.api.get(`/api/customers/${A.ids.customer}/timeline`);
      expect(res.status, res.text).toBe(200);
      return res.body.items.filter((i: { kind: string }) => i.kind === 'stage_change').map((i: { data: { opportunityId: string } }) => i.data.opportunityId);
    };
    expect(await kinds(rep1)).toContain(A.ids.opportunity);
    expect(await kinds(A.corp.users.manager!)).toContain(A.ids.opportunity);
    expect((await rep9.api.get(`/api/customers/${A.ids.customer}`)).status).toBe(200);
    expect((await rep9.api.get(`/api/opportunities/${A.ids.opportunity}`)).status).toBe(404);
    expect(await kinds(rep9)).not.toContain(A.ids.opportunity);
    const cleared = await rep1.api.request('PUT', `/api/customers/${A.ids.customer}/collaborators`, { collaborators: [] });
    expect(cleared.status).toBe(200);
  });

  it('claiming a customer the caller cannot see answers 404 unless it was just taken from a pool the caller sees', async () => {
    const res = await A.corp.users.rep2!.api.post(`/api/customers/${A.ids.customer}/actions/claim`, {});
    expect(res.status, res.text).toBe(404);
  });
});

describe('security: public web-to-lead form', () => {
  it('only creates a lead in the campaign\'s corp and answers nothing about the corp', async () => {
    const detail = await A.corp.users.admin!.api.get(`/api/campaigns/${A.ids.campaign}`);
    expect(detail.status).toBe(200);
    const path = detail.body.webFormPath as string;
    expect(path).toMatch(/^\/api\/public\/campaigns\/[^/]+\/leads$/);
    const name = `网页${A.marker}`;
    const res = await t.api.request('POST', path, { name, mobile: '13911112222' }, { origin: 'http://127.0.0.1', 'x-forwarded-for': '203.0.113.77' });
    expect(res.status, res.text).toBeLessThan(300);
    expect(Object.keys(res.body).sort()).toEqual(['message', 'ok']);
    const inA = await A.corp.users.admin!.api.get(`/api/leads?scope=all&q=${encodeURIComponent(name)}`);
    const inB = await B.corp.users.admin!.api.get(`/api/leads?scope=all&q=${encodeURIComponent(name)}`);
    expect(inA.text).toContain(name);
    expect(inB.text).not.toContain(name);
    const unknown = await t.api.request('POST', '/api/public/campaigns/0123456789abcdef0123456789abcdef/leads', { name, mobile: '13911112222' });
    expect(unknown.status).toBe(404);
  });
});
