/**
 * Callback intake benchmark (manual, not in npm test):
 *   DATABASE_URL=mysql://root@127.0.0.1:3306/scrm_bench_intake npx tsx scripts/bench/callback-intake.ts [events=10000] [concurrency=64]
 * (not scrm_bench: this seeds the demo corp). The load generator shares the server's process here;
 * `npm run bench` measures intake against a separate server process and is the number to quote.
 * This script remains useful for its drain check (every stored event processed, none lost).
 * Posts encrypted add_external_contact events to the real app, reports acked events/s and ack
 * latency percentiles, then drains the inbox and checks that no event was lost.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { count } from 'drizzle-orm';
import { createApp } from '../../server/src/app';
import { loadConfig } from '../../server/src/config';
import { openDatabase } from '../../server/src/db/client';
import { ensureDatabaseExists, runMigrations } from '../../server/src/db/migrate';
import { wecomInbox } from '../../server/src/db/schema/index';
import { createLogger } from '../../server/src/logger';
import { buildXml, sealCallback } from '../../server/src/wecom/crypto';
import { startWecomEmulator } from '../../server/src/wecom/emulator/index';
import { drainInbox } from '../../server/src/wecom/inbox';
import { seedDemo } from '../../server/src/seed/demo';

const total = Number(process.argv[2] ?? 10000);
const concurrency = Number(process.argv[3] ?? 64);
const emu = await startWecomEmulator({ corpId: 'wwbench0000001', corpSecret: 's', token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', agentId: '1000002', seedDemo: true });
const config = loadConfig({ ...process.env, APP_MODE: 'demo', WORKERS: 'off', LOG_LEVEL: 'silent', WECOM_CORP_ID: 'wwbench0000001', WECOM_SECRET: 's', WECOM_API_BASE: emu.url });
await ensureDatabaseExists(config.databaseUrl);
const handle = openDatabase(config.databaseUrl, { connectionLimit: 10 });
const deps = { config, db: handle.db, pool: handle.pool, logger: createLogger('silent'), now: () => new Date() };
await runMigrations(handle.db);
await seedDemo(deps);
const server = createServer(createApp(deps).callback());
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/wecom/callback`;
const before = (await handle.db.select({ n: count() }).from(wecomInbox))[0]!.n;

// Pre-seal the events so the client's crypto does not compete with the server for the 2 cores.
const run = Date.now().toString(36);
const sealed = Array.from({ length: total }, (_, i) => {
  const ext = emu.addExternalContact({ userid: `demo.rep${(i % 8) + 1}`, name: `客户${i}`, externalUserId: `wm_bench_${run}_${i}` });
  const xml = buildXml({ ToUserName: 'wwbench0000001', FromUserName: 'sys', CreateTime: Math.floor(Date.now() / 1000), MsgType: 'event', Event: 'change_external_contact', ChangeType: 'add_external_contact', UserID: `demo.rep${(i % 8) + 1}`, ExternalUserID: ext, State: '', WelcomeCode: String(i) });
  return sealCallback({ token: 'QDG6eK', encodingAesKey: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C', corpId: 'wwbench0000001' }, xml);
});
const lat: number[] = [];
let next = 0;
let failed = 0;
const t0 = performance.now();
await Promise.all(
  Array.from({ length: concurrency }, async () => {
    while (next < total) {
      const s = sealed[next++]!;
      const start = performance.now();
      const res = await fetch(`${url}?${s.query}`, { method: 'POST', body: s.body });
      const text = await res.text();
      lat.push(performance.now() - start);
      if (res.status !== 200 || text !== 'success') failed++;
    }
  }),
);
const secs = (performance.now() - t0) / 1000;
lat.sort((a, b) => a - b);
const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))]!.toFixed(1);
process.stdout.write(`intake: ${total} events in ${secs.toFixed(2)} s = ${(total / secs).toFixed(0)} events/s acked; p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${pct(100)} ms; failed ${failed}\n`);
const stored = (await handle.db.select({ n: count() }).from(wecomInbox))[0]!.n - before;
const d0 = performance.now();
const drained = await drainInbox(deps, { concurrency: 32 });
const dsecs = (performance.now() - d0) / 1000;
process.stdout.write(`stored ${stored}/${total}; drained ${drained.processed} (failed ${drained.failed}) in ${dsecs.toFixed(1)} s = ${(drained.processed / dsecs).toFixed(0)} events/s\n`);
server.close();
await emu.close();
await handle.close();
process.exit(stored === total && failed === 0 ? 0 : 1);
