/**
 * `npm run bench [-- --scale small|full] [--seed 42] [--only sidebar,funnel]`
 *
 * Generates (or reuses) the bench database, starts the real server in production mode as a
 * separate process and drives it over loopback with autocannon; measures the two ceilings in the
 * same run (bare Koa "hello", and a raw mysql2 replay of the SQL each scenario's request ran),
 * times the pool reclaim job over the whole data set, and writes a markdown table to
 * scripts/bench/results/. Never part of `npm test`.
 */
import { execSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import { drizzle } from 'drizzle-orm/mysql2';
import { createPool } from 'mysql2/promise';
import { poolOptions } from '../../server/src/db/client';
import * as schema from '../../server/src/db/schema/index';
import { runPoolReclaim } from '../../server/src/modules/pools/reclaim';
import { explain, readCapture, replay, type Stmt } from './lib/dbceiling';
import { ensureBenchData } from './lib/generate';
import { ANCHOR, SCALES, planCorps } from './lib/plan';
import { cpuMsOf, startAppServer, startHelloServer } from './lib/procs';
import { buildScenarios, sealedCallbacks, type HttpScenario } from './lib/scenarios';

const args = process.argv.slice(2);
const arg = (name: string, def: string) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1]! : def;
};
const scale = SCALES[arg('scale', 'full')];
if (!scale) throw new Error('--scale must be small or full');
const seed = Number(arg('seed', '42'));
const only = arg('only', '').split(',').filter(Boolean);
const small = scale.name === 'small';
const WARM = small ? 1 : 3;
const MEASURE = small ? 3 : 12;
const CEIL = small ? 2 : 6;
const dbName = small ? 'scrm_bench_small' : 'scrm_bench';
const base = process.env.BENCH_DATABASE_URL ?? 'mysql://root@127.0.0.1:3306/';
const url = `${base.replace(/\/[^/]*$/, '/')}${dbName}`;
const HERE = fileURLToPath(new URL('.', import.meta.url));
const log = (s: string) => process.stdout.write(`${s}\n`);
const started = Date.now();

log(`bench: scale ${scale.name}, database ${dbName}, seed ${seed}`);
const genLog: string[] = [];
const gen = await ensureBenchData(url, scale, seed, (line) => {
  genLog.push(line.trim());
  log(line);
});
log(gen.skipped ? `data: reusing ${dbName} (generated earlier in ${gen.seconds} s)` : `data: generated in ${gen.seconds.toFixed(1)} s`);
const corp = planCorps(scale)[0]!;
const pool = createPool(poolOptions(url, { connectionLimit: 20 }));
pool.pool.on('connection', (c) => c.query("SET time_zone = '+00:00'"));
const q1 = async (sql: string) => ((await pool.query(sql))[0] as Record<string, unknown>[])[0]!;

// Everything the run writes is undone at the end, so the data set stays reusable.
const marks = await q1(`SELECT (SELECT COALESCE(MAX(id),0) FROM follow_ups) fu, (SELECT COALESCE(MAX(id),0) FROM ownership_actions) oa,
  (SELECT COALESCE(MAX(id),0) FROM audit_log) al, (SELECT COALESCE(MAX(id),0) FROM wecom_inbox) wi, (SELECT COALESCE(MAX(id),0) FROM idempotency_keys) ik`);

interface Measured {
  s: HttpScenario;
  rps: number;
  p50: number;
  p99: number;
  n2xx: number;
  non2xx: number;
  errors: number;
  rss: number;
  /** Server CPU ms per answered request; MariaDB CPU ms per request (all clients of the shared server). */
  cpu?: number;
  dbCpu?: number;
  /** The load generator's own CPU ms per request (autocannon runs in this process). */
  clientCpu?: number;
  dbOps?: number;
  explain?: string[];
}

async function cannon(baseUrl: string, s: HttpScenario, seconds: number) {
  return autocannon({
    url: baseUrl,
    connections: s.connections,
    duration: seconds,
    pipelining: 1,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>) => {
          const r = s.next();
          const headers: Record<string, string> = { 'content-type': r.method === 'POST' && !r.path.startsWith('/wecom') ? 'application/json' : 'text/xml' };
          if (r.token) headers.authorization = `Bearer ${r.token}`;
          return { ...req, method: r.method, path: r.path, headers, body: r.body };
        },
      },
    ] as never,
  });
}

// 1. Framework ceiling: bare Koa.
const hello = await startHelloServer(3412);
const helloScenario: HttpScenario = { key: 'hello', title: 'bare Koa "hello" (framework ceiling)', connections: 32, next: () => ({ method: 'GET', path: '/hello', ids: [] }), budget: '' };
await cannon(hello.url, helloScenario, WARM);
hello.resetPeak();
const h = await cannon(hello.url, helloScenario, MEASURE);
const helloM: Measured = { s: helloScenario, rps: h.requests.average, p50: h.latency.p50, p99: h.latency.p99, n2xx: h['2xx'], non2xx: h.non2xx, errors: h.errors, rss: hello.peakRss() };
await hello.stop();
log(`hello: ${helloM.rps.toFixed(0)} req/s, p99 ${helloM.p99} ms`);

// 2. Scenarios (built from the data), with one request each captured for the DB ceiling + EXPLAIN.
let scenarios = await buildScenarios(pool, seed, corp);
scenarios.push(sealedCallbacks(small ? 12_000 : 60_000, corp));
if (only.length) scenarios = scenarios.filter((s) => only.includes(s.key));
mkdirSync(`${HERE}data`, { recursive: true });
const captureFile = `${HERE}data/capture.jsonl`;
rmSync(captureFile, { force: true });
const captures = new Map<string, { stmts: Stmt[]; ids: (string | number)[] }>();
{
  const app = await startAppServer(url, 3411, captureFile);
  for (const s of scenarios) {
    const send = async () => {
      const r = s.next();
      const res = await fetch(`${app.url}${r.path}`, { method: r.method, body: r.body, headers: { 'content-type': r.path.startsWith('/wecom') ? 'text/xml' : 'application/json', ...(r.token ? { authorization: `Bearer ${r.token}` } : {}) } });
      await res.arrayBuffer();
      return { r, status: res.status };
    };
    await send();
    await new Promise((r) => setTimeout(r, 30));
    const t0 = Date.now();
    const { r, status } = await send();
    await new Promise((r) => setTimeout(r, 30));
    const stmts = readCapture(captureFile, t0, Date.now());
    captures.set(s.key, { stmts, ids: r.ids });
    log(`capture ${s.key}: HTTP ${status}, ${stmts.length} statements`);
  }
  await app.stop();
}

// 3. The real server under load.
const results: Measured[] = [];
const mariadbPid = Number(execSync('pgrep -o mariadbd || pgrep -o mysqld || echo 0', { encoding: 'utf8' }).trim());
const app = await startAppServer(url, 3411);
const idleRss = app.rss();
for (const s of scenarios) {
  await cannon(app.url, s, WARM);
  app.resetPeak();
  const c0 = app.cpuMs();
  const d0 = cpuMsOf(mariadbPid);
  const h0 = process.cpuUsage();
  const r = await cannon(app.url, s, MEASURE);
  const hc = process.cpuUsage(h0);
  const total = r['2xx'] + r.non2xx;
  const m: Measured = { s, rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, n2xx: r['2xx'], non2xx: r.non2xx, errors: r.errors + r.timeouts, rss: app.peakRss(), cpu: (app.cpuMs() - c0) / Math.max(1, total), dbCpu: (cpuMsOf(mariadbPid) - d0) / Math.max(1, total), clientCpu: (hc.user + hc.system) / 1000 / Math.max(1, total) };
  results.push(m);
  log(`${s.key}: ${m.rps.toFixed(0)} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, 2xx ${m.n2xx}, non-2xx ${m.non2xx}, errors ${m.errors}, RSS ${m.rss.toFixed(0)} MiB, CPU/req server ${m.cpu!.toFixed(2)} ms, mariadbd ${m.dbCpu!.toFixed(2)} ms, client ${m.clientCpu!.toFixed(2)} ms, load ${os.loadavg()[0]!.toFixed(1)}`);
}
// The pipeline page: funnel and forecast requested together (as the H5 page does), timed until both answered.
let page: { p50: number; p99: number; n: number } | undefined;
{
  const f = scenarios.find((s) => s.key === 'funnel');
  const g = scenarios.find((s) => s.key === 'forecast');
  if (f && g) {
    const lat: number[] = [];
    const end = performance.now() + MEASURE * 1000;
    const get = async (r: ReturnType<HttpScenario['next']>) => (await fetch(`${app.url}${r.path}`, { headers: { authorization: `Bearer ${r.token}` } })).arrayBuffer();
    while (performance.now() < end) {
      const t0 = performance.now();
      await Promise.all([get(f.next()), get(g.next())]);
      lat.push(performance.now() - t0);
    }
    lat.sort((a, b) => a - b);
    page = { p50: Math.round(lat[Math.floor(lat.length / 2)]!), p99: Math.round(lat[Math.min(lat.length - 1, Math.floor(lat.length * 0.99))]!), n: lat.length };
    log(`pipeline page (funnel ‖ forecast): p50 ${page.p50} ms, p99 ${page.p99} ms over ${page.n} loads`);
  }
}
const loadRss = Math.max(app.peakRss(), ...results.map((m) => m.rss));
await app.stop();

// 4. Database ceiling: the captured SQL of one request, replayed over mysql2 with the same concurrency.
for (const m of results) {
  const cap = captures.get(m.s.key)!;
  const sampleIds = () => m.s.next().ids;
  try {
    m.dbOps = await replay(pool, cap.stmts, sampleIds, cap.ids, m.s.connections, CEIL);
    m.explain = await explain(pool, cap.stmts);
  } catch (err) {
    log(`db ceiling ${m.s.key} failed: ${String(err).slice(0, 200)}`);
    m.dbOps = 0;
    continue;
  }
  log(`db ceiling ${m.s.key}: ${m.dbOps.toFixed(0)} ops/s (${cap.stmts.length} statements/request)`);
}

// 5. The pool reclaim job over every customer, timed in one transaction that is then rolled back.
let reclaim: { seconds: number; reclaimed: number; reminded: number; explain: string[] } | undefined;
if (!only.length || only.includes('reclaim')) try {
  const stmts: Stmt[] = [];
  const jobPool = createPool(poolOptions(url, { connectionLimit: 2 }));
  const db = drizzle(jobPool, { schema, mode: 'default', casing: 'snake_case', logger: { logQuery: (sql, params) => stmts.push({ c: 0, sql, values: params }) } });
  const conn0 = await jobPool.getConnection();
  await conn0.query("SET time_zone = '+00:00'");
  conn0.release();
  let out = { reclaimed: 0, reminded: 0 };
  const t0 = performance.now();
  let seconds = 0;
  await db
    .transaction(async (tx) => {
      await tx.execute("SET time_zone = '+00:00'" as never).catch(() => undefined);
      out = await runPoolReclaim(tx as never, ANCHOR);
      seconds = (performance.now() - t0) / 1000;
      throw new Error('rollback');
    })
    .catch((e) => {
      if (String(e).indexOf('rollback') < 0) throw e;
    });
  const setNow = stmts.map((s) => s.sql).findIndex((s) => s.startsWith('SET @now'));
  const conn = await jobPool.getConnection();
  await conn.query("SET time_zone = '+00:00'");
  await conn.query('SET @now = ?', [ANCHOR]);
  const ex: string[] = [];
  for (const s of stmts.slice(setNow + 1)) {
    if (s.sql.includes('?') || /pool_reclaim_due d|DROP TEMPORARY/i.test(s.sql)) continue;
    const sel = s.sql.replace(/^\s*(INSERT(?: IGNORE)? INTO [^(]+\([^)]*\)|CREATE TEMPORARY TABLE \S+ \(PRIMARY KEY \(id\)\) AS)\s*/i, '');
    if (!/^\s*(select|update)/i.test(sel)) continue;
    try {
      const [rows] = (await conn.query(`EXPLAIN ${sel}`)) as unknown as [{ table: string; type: string; key: string | null; rows: number; Extra: string | null }[]];
      ex.push(`\`${s.sql.replace(/\s+/g, ' ').slice(0, 90)}…\` → ${rows.map((r) => `${r.table}: ${r.type}${r.key ? ` via ${r.key}` : ''} (~${r.rows} rows)`).join(' · ')}`);
    } catch (err) {
      ex.push(`\`${s.sql.replace(/\s+/g, ' ').slice(0, 90)}…\` → (EXPLAIN failed: ${String(err).slice(0, 80)})`);
    }
  }
  conn.release();
  await jobPool.end();
  reclaim = { seconds, ...out, explain: ex };
  log(`reclaim job: ${seconds.toFixed(2)} s, reclaimed ${out.reclaimed}, reminded ${out.reminded} (rolled back)`);
} catch (err) {
  log(`reclaim job failed: ${String(err).slice(0, 300)}`);
}

// 6. Undo what the run wrote.
// (UPDATE … JOIN: an UPDATE with an IN (subquery) re-evaluates it for each of the million rows.)
await pool.query(`UPDATE customers c JOIN (SELECT DISTINCT entity_id FROM ownership_actions WHERE id > ${marks.oa} AND action = 'claim' AND entity_type = 'customer') a
  ON a.entity_id = c.id SET c.owner_id = NULL, c.owned_at = NULL`);
await pool.query(`UPDATE opportunities o JOIN (SELECT DISTINCT entity_id FROM ownership_actions WHERE id > ${marks.oa} AND entity_type = 'customer') a
  ON a.entity_id = o.customer_id SET o.owner_id = o.created_by WHERE o.owner_id <> o.created_by`);
const touched = `SELECT DISTINCT customer_id FROM follow_ups WHERE id > ${marks.fu}`;
const [tc] = (await pool.query(touched)) as unknown as [{ customer_id: number }[]];
await pool.query(`DELETE FROM follow_ups WHERE id > ${marks.fu}`);
for (let i = 0; i < tc.length; i += 1000) {
  const ids = tc.slice(i, i + 1000).map((r) => r.customer_id).join(',');
  await pool.query(`UPDATE customers c JOIN (SELECT customer_id, COUNT(*) n, MAX(occurred_at) last FROM follow_ups WHERE customer_id IN (${ids}) GROUP BY customer_id) f ON f.customer_id = c.id
    SET c.follow_up_count = f.n, c.last_follow_up_at = f.last, c.next_follow_up_at = DATE_ADD(f.last, INTERVAL 7 DAY)`);
}
await pool.query(`DELETE FROM ownership_actions WHERE id > ${marks.oa}`);
await pool.query(`DELETE FROM audit_log WHERE id > ${marks.al}`);
await pool.query(`DELETE FROM wecom_inbox WHERE id > ${marks.wi}`);
await pool.query(`DELETE FROM idempotency_keys WHERE id > ${marks.ik}`);
await pool.query(`DELETE FROM pool_user_counters`);
await pool.end();

// 7. Report.
const fmt = (n: number, d = 0) => n.toLocaleString('en', { maximumFractionDigits: d, minimumFractionDigits: d });
const byKey = new Map(results.map((m) => [m.s.key, m]));
const funnelM = byKey.get('funnel');
const forecastM = byKey.get('forecast');
const sh = (cmd: string) => {
  try {
    return execSync(cmd, { encoding: 'utf8' }).trim();
  } catch {
    return '?';
  }
};
const mariadb = sh(`mysql -uroot -h127.0.0.1 -N -e "SELECT CONCAT(@@version, ', buffer pool ', @@innodb_buffer_pool_size DIV 1048576, ' MiB')"`);
const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-');
const rows = results.map((m) => {
  const met = m.s.pass ? (m.s.pass({ rps: m.rps, p50: m.p50, p99: m.p99, helloRps: helloM.rps }) ? 'yes' : '**no**') : '';
  const ratioDb = m.dbOps ? `${fmt((100 * m.rps) / m.dbOps)} %` : '–';
  return `| ${m.s.title} | ${m.s.connections} | ${fmt(m.rps)} | ${m.p50} | ${m.p99} | ${m.n2xx}/${m.non2xx}${m.errors ? `/${m.errors} err` : ''} | ${fmt((100 * m.rps) / helloM.rps)} % | ${m.dbOps ? fmt(m.dbOps) : '–'} | ${ratioDb} | ${fmt(m.cpu ?? 0, 2)} / ${fmt(m.dbCpu ?? 0, 2)} / ${fmt(m.clientCpu ?? 0, 2)} → ${fmt((os.cpus().length * 1000) / ((m.cpu ?? 0) + (m.dbCpu ?? 0) + (m.clientCpu ?? 0) || 1))} | ${fmt(m.rss)} | ${m.s.budget} | ${met} |`;
});
const md = [
  `# Benchmark results: ${scale.name} scale (${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC)`,
  '',
  `Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? '?'}), ${fmt(os.totalmem() / 2 ** 30)} GiB RAM, shared with other engineers' test runs (load average at start ${os.loadavg()[0]!.toFixed(1)}); MariaDB ${mariadb}; Node ${process.version}. Server: \`APP_MODE=production\`, \`WORKERS=off\`, \`LOG_LEVEL=warn\`, one process; autocannon in the harness process over loopback; ${WARM} s warm-up then ${MEASURE} s per scenario.`,
  '',
  `Data (${dbName}, seed ${seed}): ${Object.entries(gen.counts).map(([k, v]) => `${k} ${fmt(v)}`).join(', ')}. ${gen.skipped ? `Reused (generated earlier in ${gen.seconds} s)` : `Generated in ${gen.seconds.toFixed(1)} s`}.`,
  '',
  ...(genLog.length ? ['Generation: ' + genLog.slice(1).join('; ') + '.', ''] : []),
  `Framework ceiling (bare Koa + @koa/router "hello", 32 connections): **${fmt(helloM.rps)} req/s**, p50 ${helloM.p50} ms, p99 ${helloM.p99} ms.`,
  '',
  '| scenario | conns | req/s | p50 ms | p99 ms | 2xx/non-2xx | vs bare Koa | DB ceiling ops/s | vs DB ceiling | CPU ms/req server / mariadbd / client → CPU-bound req/s | server RSS peak MiB | budget | met |',
  '|---|---|---|---|---|---|---|---|---|---|---|---|---|',
  ...rows,
  ...(funnelM && forecastM ? [`| funnel + forecast, one after the other (sum of the rows above) | 1 | – | ${funnelM.p50 + forecastM.p50} | ${funnelM.p99 + forecastM.p99} | | | | | | | ≤ 300 ms | ${funnelM.p99 + forecastM.p99 <= 300 ? 'yes' : '**no**'} |`] : []),
  ...(page ? [`| pipeline page: funnel and forecast requested together | 2 | – | ${page.p50} | ${page.p99} | ${page.n} loads | | | | | | ≤ 300 ms | ${page.p99 <= 300 ? 'yes' : '**no**'} |`] : []),
  ...(reclaim ? [`| pool auto-reclaim job over all customers | – | – | ${fmt(reclaim.seconds * 1000)} (one pass) | | reclaimed ${fmt(reclaim.reclaimed)}, reminded ${fmt(reclaim.reminded)} | | | | | | ≤ 5 s | ${reclaim.seconds <= 5 ? 'yes' : '**no**'} |`] : []),
  '',
  `Server RSS: ${fmt(idleRss)} MiB idle after start, ${fmt(loadRss)} MiB peak under load (budget ≤ 250 MB: ${loadRss * 1.048576 <= 250 ? 'met' : '**not met**'}).`,
  '',
  'DB ceiling = the SQL one request of the scenario sent (captured from the server), replayed over mysql2 (pool of 20, same concurrency) without Node/Koa/drizzle; "vs" columns are req/s ÷ ceiling.',
  `CPU ms/req: CPU time the server process, mariadbd (all its clients: the machine is shared) and the load generator spent per answered request during the measurement; "CPU-bound req/s" = ${os.cpus().length} cores × 1000 ÷ their sum, the most this machine could answer if nothing else ran.`,
  '',
  '## EXPLAIN (the statements one request runs)',
  '',
  ...results.flatMap((m) => [`### ${m.s.title}`, '', ...(m.explain ?? []).map((e) => `- ${e}`), '']),
  ...(reclaim ? ['### pool auto-reclaim job', '', ...reclaim.explain.map((e) => `- ${e}`), ''] : []),
  `Total harness time ${fmt((Date.now() - started) / 1000)} s.`,
  '',
].join('\n');
mkdirSync(`${HERE}results`, { recursive: true });
const file = `${HERE}results/${scale.name}-${stamp}.md`;
writeFileSync(file, md);
log(`\n${rows.join('\n')}\nwritten ${file} (${fmt((Date.now() - started) / 1000)} s)`);
process.exit(0);
