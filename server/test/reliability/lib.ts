/**
 * Helpers of the reliability suite (issue 18): server child processes, sealed WeCom callbacks,
 * the handler-effect tables of `fixtures/count-effects.ts`, and a private MariaDB.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createConnection, createPool, type Pool } from 'mysql2/promise';
import { buildXml, sealCallback } from '../../src/wecom/crypto';

const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = resolve(HERE, '../../..');
export const COUNT_EFFECTS = resolve(HERE, 'fixtures/count-effects.ts');

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Polls `fn` until it returns a truthy value; throws naming `what` after `timeoutMs`. */
export async function waitFor<T>(what: string, fn: () => Promise<T>, timeoutMs: number, everyMs = 200): Promise<T> {
  const until = Date.now() + timeoutMs;
  let last: unknown;
  for (;;) {
    try {
      const v = await fn();
      if (v) return v;
      last = v;
    } catch (err) {
      last = err;
    }
    if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (last: ${String(last)})`);
    await sleep(everyMs);
  }
}

export async function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.once('error', rej);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => res(port));
    });
  });
}

export const randomAesKey = () => {
  const abc = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  return Array.from(randomBytes(43), (b) => abc[b % 62]).join('');
};

/** The WeCom side of a test: corp id and the callback keys the children and the emulator share. */
export interface WecomKeys {
  corpId: string;
  secret: string;
  token: string;
  encodingAesKey: string;
  agentId: string;
}
export function newWecomKeys(): WecomKeys {
  return {
    corpId: `wwrel${randomBytes(6).toString('hex')}`,
    secret: `sec${randomBytes(6).toString('hex')}`,
    token: `tok${randomBytes(6).toString('hex')}`,
    encodingAesKey: randomAesKey(),
    agentId: '1000002',
  };
}

// ---------------------------------------------------------------------------------------------
// Server child processes

export interface ServerChild {
  url: string;
  child: ChildProcess;
  /** The last lines the child wrote (stdout and stderr), for failure messages. */
  output(): string;
  /** SIGKILL, and waits for the exit. */
  kill(): Promise<void>;
  exited: Promise<number | null>;
}

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
});

/**
 * Starts `server/src/main.ts` in a child process (`node --import tsx [--import preload…]`) and
 * waits for its "ready at http://host:port" line.
 */
export async function spawnServer(env: Record<string, string>, opts: { preload?: string[]; readyTimeoutMs?: number } = {}): Promise<ServerChild> {
  const args = ['--import', 'tsx', ...(opts.preload ?? []).flatMap((p) => ['--import', p]), 'server/src/main.ts'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      APP_MODE: 'test',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      WORKERS: 'on',
      H5_DIST_DIR: '/nonexistent-h5-dist',
      UPLOAD_DIR: `/tmp/scrm-rel-uploads-${randomBytes(4).toString('hex')}`,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.add(child);
  const lines: string[] = [];
  const keep = (chunk: Buffer) => {
    for (const l of chunk.toString('utf8').split('\n')) if (l) lines.push(l.slice(0, 2000));
    if (lines.length > 200) lines.splice(0, lines.length - 200);
  };
  const exited = new Promise<number | null>((r) =>
    child.once('exit', (code) => {
      children.delete(child);
      r(code);
    }),
  );
  const url = await new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`server child not ready within ${opts.readyTimeoutMs ?? 45_000} ms:\n${lines.join('\n')}`)), opts.readyTimeoutMs ?? 45_000);
    let buf = '';
    child.stdout!.on('data', (c: Buffer) => {
      keep(c);
      buf += c.toString('utf8');
      const m = /ready at (http:\/\/[^\s]+)/.exec(buf);
      if (m) {
        clearTimeout(timer);
        res(m[1]!);
        buf = '';
      }
    });
    child.stderr!.on('data', keep);
    void exited.then((code) => {
      clearTimeout(timer);
      rej(new Error(`server child exited (${code}) before it was ready:\n${lines.join('\n')}`));
    });
  });
  return {
    url,
    child,
    exited,
    output: () => lines.join('\n'),
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

export function childEnv(databaseUrl: string, keys: WecomKeys, emulatorUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    WECOM_API_BASE: emulatorUrl,
    WECOM_CORP_ID: keys.corpId,
    WECOM_AGENT_ID: keys.agentId,
    WECOM_SECRET: keys.secret,
    WECOM_TOKEN: keys.token,
    WECOM_ENCODING_AES_KEY: keys.encodingAesKey,
    ...extra,
  };
}

// ---------------------------------------------------------------------------------------------
// Callbacks

export interface SealedEvent {
  /** What identifies the event in the effect tables: `<ChangeType>:<ExternalUserID>`. */
  key: string;
  query: string;
  body: string;
}

/** One change_external_contact callback, encrypted and signed once: posting it again is a byte-identical WeCom retry. */
export function sealContactEvent(keys: WecomKeys, changeType: string, userId: string, extId: string, createTime = Math.floor(Date.now() / 1000)): SealedEvent {
  const xml = buildXml({
    ToUserName: keys.corpId,
    FromUserName: 'sys',
    CreateTime: createTime,
    MsgType: 'event',
    Event: 'change_external_contact',
    ChangeType: changeType,
    UserID: userId,
    ExternalUserID: extId,
    ...(changeType.startsWith('add') ? { State: '', WelcomeCode: `wc${randomBytes(4).toString('hex')}` } : {}),
  });
  const sealed = sealCallback({ token: keys.token, encodingAesKey: keys.encodingAesKey, corpId: keys.corpId, agentId: keys.agentId }, xml);
  return { key: `${changeType}:${extId}`, query: sealed.query, body: sealed.body };
}

export type PostOutcome = { ok: true; status: number; text: string } | { ok: false; error: string };

/** POSTs a sealed callback; `ok` only for HTTP 200 `success` (what WeCom takes as acknowledged). */
export async function postEvent(baseUrl: string, ev: SealedEvent, timeoutMs = 20_000): Promise<PostOutcome & { acked: boolean }> {
  try {
    const res = await fetch(`${baseUrl}/wecom/callback?${ev.query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body: ev.body,
      signal: AbortSignal.timeout(timeoutMs),
    });
    const text = await res.text();
    return { ok: true, status: res.status, text, acked: res.status === 200 && text === 'success' };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? `${err.name}: ${err.message}` : String(err), acked: false };
  }
}

/** Runs `fn` over `items` with at most `limit` in flight. */
export async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i]!, i);
      }
    }),
  );
  return out;
}

// ---------------------------------------------------------------------------------------------
// The effect tables written by fixtures/count-effects.ts

/** Creates `<table>` (event_key → n) and `<table>_log` (application order); returns a pool on the database. */
export async function createEffectTables(databaseUrl: string, table: string): Promise<Pool> {
  const pool = createPool({ uri: databaseUrl, connectionLimit: 4, timezone: 'Z' });
  await pool.query(`CREATE TABLE IF NOT EXISTS \`${table}\` (event_key VARCHAR(191) PRIMARY KEY, n INT NOT NULL) ENGINE=InnoDB`);
  await pool.query(`CREATE TABLE IF NOT EXISTS \`${table}_log\` (id BIGINT AUTO_INCREMENT PRIMARY KEY, event_key VARCHAR(191) NOT NULL) ENGINE=InnoDB`);
  return pool;
}

export async function readEffects(pool: Pool, table: string): Promise<Map<string, number>> {
  const [rows] = (await pool.query(`SELECT event_key, n FROM \`${table}\``)) as unknown as [{ event_key: string; n: number }[]];
  return new Map(rows.map((r) => [r.event_key, Number(r.n)]));
}

export async function inboxStatusCounts(pool: Pool, wecomCorpId: string): Promise<Record<string, number>> {
  const [rows] = (await pool.query('SELECT status, COUNT(*) AS c FROM wecom_inbox WHERE wecom_corp_id = ? GROUP BY status', [wecomCorpId])) as unknown as [
    { status: string; c: number }[],
  ];
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.c)]));
}

/** Waits until the corp has no pending or processing inbox row; returns the final status counts. */
export async function waitInboxDrained(pool: Pool, wecomCorpId: string, timeoutMs: number): Promise<{ counts: Record<string, number>; drained: boolean }> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const counts = await inboxStatusCounts(pool, wecomCorpId);
    if (!counts.pending && !counts.processing) return { counts, drained: true };
    if (Date.now() > until) return { counts, drained: false };
    await sleep(250);
  }
}

// ---------------------------------------------------------------------------------------------
// A private MariaDB

export interface PrivateMariadb {
  port: number;
  dir: string;
  /** Server URL without database. */
  serverUrl: string;
  pid(): number;
  start(): Promise<void>;
  /** SIGKILL (a crash), waits for the exit. */
  crash(): Promise<void>;
  freeze(): void;
  thaw(): void;
  /** Stops it (SIGKILL; SIGCONT first when frozen) and removes its directory. */
  destroy(): Promise<void>;
}

function mariadbd(): string {
  for (const p of ['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/bin/mariadbd']) if (existsSync(p)) return p;
  throw new Error('no mariadbd binary found');
}
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

async function canConnect(port: number): Promise<boolean> {
  try {
    const c = await createConnection({ host: '127.0.0.1', port, user: 'root', connectTimeout: 1000 });
    await c.query('SELECT 1');
    await c.end();
    return true;
  } catch {
    return false;
  }
}

/** Initialises a MariaDB data directory under /tmp and starts mariadbd on a free port (≤ 30 s). */
export async function startPrivateMariadb(): Promise<PrivateMariadb> {
  const dir = join('/tmp', `scrm-rel-mariadb-${process.pid}-${randomBytes(3).toString('hex')}`);
  const datadir = join(dir, 'data');
  mkdirSync(dir, { recursive: true });
  const installDb = spawnSync('which', ['mariadb-install-db']).status === 0 ? 'mariadb-install-db' : 'mysql_install_db';
  const init = spawnSync(
    installDb,
    ['--no-defaults', `--datadir=${datadir}`, '--auth-root-authentication-method=normal', '--skip-test-db', ...(isRoot() ? ['--user=root'] : [])],
    { encoding: 'utf8', timeout: 60_000 },
  );
  if (init.status !== 0) throw new Error(`${installDb} failed: ${init.stderr?.slice(-2000)}`);
  const port = await freePort();
  let proc: ChildProcess | undefined;
  let exited: Promise<void> = Promise.resolve();
  let frozen = false;
  const db: PrivateMariadb = {
    port,
    dir,
    serverUrl: `mysql://root@127.0.0.1:${port}`,
    pid: () => proc?.pid ?? -1,
    async start() {
      proc = spawn(
        mariadbd(),
        [
          '--no-defaults',
          `--datadir=${datadir}`,
          `--socket=${join(dir, 'mysqld.sock')}`,
          `--pid-file=${join(dir, 'mysqld.pid')}`,
          `--port=${port}`,
          '--bind-address=127.0.0.1',
          '--character-set-server=utf8mb4',
          '--collation-server=utf8mb4_unicode_ci',
          '--innodb-buffer-pool-size=64M',
          '--innodb-log-file-size=48M',
          '--skip-log-bin',
          `--log-error=${join(dir, 'error.log')}`,
          ...(isRoot() ? ['--user=root'] : []),
        ],
        { stdio: 'ignore' },
      );
      children.add(proc);
      const p = proc;
      exited = new Promise<void>((r) => p.once('exit', () => (children.delete(p), r())));
      await waitFor('the private MariaDB to accept connections', () => canConnect(port), 30_000, 250);
    },
    async crash() {
      if (proc && proc.exitCode === null && proc.signalCode === null) {
        proc.kill('SIGKILL');
        await exited;
      }
      frozen = false;
    },
    freeze() {
      proc?.kill('SIGSTOP');
      frozen = true;
    },
    thaw() {
      proc?.kill('SIGCONT');
      frozen = false;
    },
    async destroy() {
      if (frozen) db.thaw();
      await db.crash();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  try {
    await db.start();
  } catch (err) {
    await db.destroy().catch(() => undefined);
    throw err;
  }
  return db;
}
