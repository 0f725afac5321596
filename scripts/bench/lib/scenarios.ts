/** The HTTP scenarios: what each request is, who sends it, and which budget it is held to. */
import { createHmac } from 'node:crypto';
import type { Pool } from 'mysql2/promise';
import { buildXml, sealCallback } from '../../../server/src/wecom/crypto';
import { BENCH_AES_KEY, BENCH_CORP_WECOM_ID, BENCH_SESSION_SECRET, BENCH_TOKEN, INDUSTRIES, GRADES, sessionToken, type CorpPlan } from './plan';

export interface Req {
  method: 'GET' | 'POST';
  path: string;
  token?: string;
  body?: string;
  /** Values that identify this request in captured SQL (user id, token hash, customer id…), for the database-ceiling replay. */
  ids: (string | number)[];
}

export interface HttpScenario {
  key: string;
  title: string;
  connections: number;
  next: () => Req;
  /** Budget check over the measured numbers; the text says what the budget is. */
  budget: string;
  pass?: (m: { rps: number; p50: number; p99: number; helloRps: number }) => boolean;
  /** Share of requests expected to answer non-2xx (e.g. the claim race's 409s). */
  expectNon2xx?: boolean;
}

const tokenHash = (token: string) => createHmac('sha256', BENCH_SESSION_SECRET).update(token).digest('hex');
const rr = <T>(list: T[]) => {
  let i = 0;
  if (!list.length) throw new Error('scenario has no inputs (data set too small?)');
  return () => list[i++ % list.length]!;
};

export async function buildScenarios(pool: Pool, seed: number, corp: CorpPlan): Promise<HttpScenario[]> {
  const tok = (userId: number) => sessionToken(seed, userId);
  const auth = (userId: number) => ({ token: tok(userId), ids: [userId, tokenHash(tok(userId))] as (string | number)[] });
  const q = async <T>(sql: string, values: unknown[] = []) => (await pool.query(sql, values))[0] as T[];

  // Sidebar: a rep opens the chat with one of their own external contacts (bound to a contact of their customer).
  const ext = await q<{ userId: number; ext: string; customerId: number }>(
    `SELECT f.user_id AS userId, e.external_userid AS ext, ct.customer_id AS customerId FROM external_contact_follows f
       JOIN external_contacts e ON e.id = f.external_contact_id JOIN contacts ct ON ct.external_contact_id = e.id
     WHERE f.corp_id = ? AND f.id % 7 = 3 ORDER BY f.id LIMIT 5000`,
    [corp.id],
  );
  const sidebar = rr(ext.map((r) => ({ method: 'GET' as const, path: `/api/sidebar/context?externalUserId=${r.ext}`, ...auth(r.userId), ids: [...auth(r.userId).ids, r.ext, r.customerId] })));

  // Customer list with grade filter + keyword: reps on "mine", and team (level 5) / city (level 4) leaders on "all" (their subtree + visible pools).
  const leaders = (level: number) => corp.users.filter((u) => u.leader && corp.depts.find((d) => d.id === u.deptId)!.level === level);
  const lister = (users: { u: { id: number }; scope: string }[]) => {
    let li = 0;
    return () => {
      const { u, scope } = users[li % users.length]!;
      const kw = INDUSTRIES[li % INDUSTRIES.length]!;
      const grade = GRADES[li % GRADES.length]!;
      li++;
      return { method: 'GET' as const, path: `/api/customers?scope=${scope}&grade=${grade}&q=${encodeURIComponent(kw)}&limit=20`, ...auth(u.id) };
    };
  };
  const list = lister(corp.reps.slice(0, 200).map((u) => ({ u, scope: 'mine' })));
  const listLeaders = lister([...leaders(5).slice(0, 40), ...leaders(4).slice(0, 40)].map((u) => ({ u, scope: 'all' })));

  // Follow-up create: a rep logs a phone call on one of their own customers.
  const own = await q<{ id: number; ownerId: number }>(`SELECT id, owner_id AS ownerId FROM customers WHERE corp_id = ? AND owner_id IS NOT NULL AND id % 11 = 5 ORDER BY id LIMIT 5000`, [corp.id]);
  const fu = rr(own);
  const followUp = () => {
    const c = fu();
    return { method: 'POST' as const, path: '/api/follow-ups', body: JSON.stringify({ customerId: String(c.id), type: 'phone', content: '电话沟通：确认下周演示时间', contactIds: [] }), ...auth(c.ownerId), ids: [...auth(c.ownerId).ids, c.id] };
  };

  // Pool claim: unowned customers, each claimed by a rep who can see its pool (region pool → a rep of that region).
  const poolCustomers = await q<{ id: number; poolId: number }>(`SELECT id, pool_id AS poolId FROM customers WHERE corp_id = ? AND owner_id IS NULL AND status = 'active' ORDER BY id LIMIT 60000`, [corp.id]);
  const repsOfPool = new Map<number, number[]>();
  for (const r of corp.reps) {
    const p = corp.poolOfUser.get(r.id)!;
    repsOfPool.set(p, [...(repsOfPool.get(p) ?? []), r.id]);
  }
  const claimer = (c: { id: number; poolId: number }, k: number) => {
    const reps = c.poolId === corp.pools[0]!.id ? corp.reps.map((r) => r.id) : repsOfPool.get(c.poolId)!;
    return reps[k % reps.length]!;
  };
  const half = Math.floor(poolCustomers.length / 2);
  let ui = 0;
  const uncontended = () => {
    const c = poolCustomers[ui % half]!;
    const userId = claimer(c, ui++);
    return { method: 'POST' as const, path: `/api/customers/${c.id}/actions/claim`, body: '{}', ...auth(userId), ids: [...auth(userId).ids, c.id] };
  };
  // Contended: 16 reps race for the same customer at a time (one wins, the others get 409 already_owned).
  const hot = poolCustomers.slice(half).filter((c) => c.poolId === corp.pools[0]!.id);
  let ci = 0;
  const contended = () => {
    const c = hot[Math.floor(ci / 16) % hot.length]!;
    const userId = corp.reps[ci++ % corp.reps.length]!.id;
    return { method: 'POST' as const, path: `/api/customers/${c.id}/actions/claim`, body: '{}', ...auth(userId), ids: [...auth(userId).ids, c.id] };
  };

  const admin = corp.users.find((u) => u.role === 'admin')!;
  let fi = 0;
  const funnel = () => ({ method: 'GET' as const, path: '/api/pipeline/funnel', ...auth(admin.id) });
  const forecast = () => ({ method: 'GET' as const, path: `/api/pipeline/forecast?groupBy=${['month', 'owner', 'department'][fi++ % 3]}`, ...auth(admin.id) });

  return [
    { key: 'sidebar', title: 'sidebar context', connections: 32, next: sidebar, budget: 'p99 ≤ 15 ms and ≥ 40 % of bare-Koa req/s', pass: (m) => m.p99 <= 15 && m.rps >= 0.4 * m.helloRps },
    { key: 'customer-list', title: 'customer list, rep "mine" + grade + keyword', connections: 32, next: list, budget: 'p99 ≤ 50 ms', pass: (m) => m.p99 <= 50 },
    { key: 'customer-list-leader', title: 'customer list, team/city leader "all" + grade + keyword', connections: 32, next: listLeaders, budget: 'p99 ≤ 50 ms', pass: (m) => m.p99 <= 50 },
    { key: 'follow-up-create', title: 'follow-up create', connections: 32, next: followUp, budget: '≥ 1,500/s, p99 ≤ 30 ms', pass: (m) => m.rps >= 1500 && m.p99 <= 30 },
    { key: 'claim-uncontended', title: 'pool claim, uncontended', connections: 32, next: uncontended, budget: '(no budget)' },
    { key: 'claim-contended', title: 'pool claim, contended (16 reps per customer)', connections: 32, next: contended, budget: '(no budget; one 200 per customer, rest 409)', expectNon2xx: true },
    // Service time without queueing: the same requests from one connection.
    { key: 'sidebar-1', title: 'sidebar context, 1 connection', connections: 1, next: sidebar, budget: 'p99 ≤ 15 ms (service time)', pass: (m) => m.p99 <= 15 },
    { key: 'customer-list-1', title: 'customer list rep "mine", 1 connection', connections: 1, next: list, budget: 'p99 ≤ 50 ms', pass: (m) => m.p99 <= 50 },
    { key: 'customer-list-leader-1', title: 'customer list leader "all", 1 connection', connections: 1, next: listLeaders, budget: 'p99 ≤ 50 ms', pass: (m) => m.p99 <= 50 },
    { key: 'follow-up-create-1', title: 'follow-up create, 1 connection', connections: 1, next: followUp, budget: 'p99 ≤ 30 ms', pass: (m) => m.p99 <= 30 },
    { key: 'funnel', title: 'pipeline funnel (admin, 500k opps at full scale)', connections: 1, next: funnel, budget: 'funnel + forecast ≤ 300 ms' },
    { key: 'forecast', title: 'pipeline forecast (month/owner/department)', connections: 1, next: forecast, budget: 'funnel + forecast ≤ 300 ms' },
  ];
}

/** Pre-sealed add_external_contact callbacks (encrypted and signed as WeCom sends them). */
export function sealedCallbacks(n: number, corp: CorpPlan): HttpScenario {
  const run = Date.now().toString(36);
  const keys = { token: BENCH_TOKEN, encodingAesKey: BENCH_AES_KEY, corpId: BENCH_CORP_WECOM_ID };
  const sealed = Array.from({ length: n }, (_, i) => {
    const rep = corp.reps[i % corp.reps.length]!;
    const xml = buildXml({ ToUserName: BENCH_CORP_WECOM_ID, FromUserName: 'sys', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: rep.wecomUserId, ExternalUserID: `wm_bench_${run}_${i}`, State: '', WelcomeCode: String(i) });
    return sealCallback(keys, xml);
  });
  let i = 0;
  return {
    key: 'callback-intake',
    title: 'callback intake (encrypted add_external_contact)',
    connections: 32,
    next: () => {
      const s = sealed[i++ % sealed.length]!;
      return { method: 'POST', path: `/wecom/callback?${s.query}`, body: s.body, ids: [] };
    },
    budget: '≥ 2,000 events/s acked, p99 ≤ 50 ms',
    pass: (m) => m.rps >= 2000 && m.p99 <= 50,
  };
}
