import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inject } from 'vitest';
import type { Role } from '@scrm/shared';
import { createApp } from '../src/app';
import { createSession } from '../src/auth/sessions';
import { loadConfig, type Config } from '../src/config';
import { openAppDatabase, type Db, type DbHandle } from '../src/db/client';
import type { AppDeps } from '../src/http/context';
import { createLogger } from '../src/logger';
import { ensureCorp, ensureDepartments, ensureUsers } from '../src/seed/org';

/** A settable clock: tests move time instead of waiting. `null` = real time. */
export class TestClock {
  private fixed: Date | null = null;
  now = (): Date => (this.fixed ? new Date(this.fixed) : new Date());
  set(d: Date | string): void {
    this.fixed = new Date(d);
  }
  advance(ms: number): void {
    this.fixed = new Date(this.now().getTime() + ms);
  }
  reset(): void {
    this.fixed = null;
  }
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
  text: string;
}

/** A tiny HTTP client for the real server under test. */
export class Api {
  constructor(
    readonly baseUrl: string,
    readonly token?: string,
  ) {}
  as(token: string): Api {
    return new Api(this.baseUrl, token);
  }
  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const h: Record<string, string> = { ...headers };
    if (this.token) h.authorization = `Bearer ${this.token}`;
    let payload: string | undefined;
    if (body !== undefined) {
      payload = typeof body === 'string' ? body : JSON.stringify(body);
      h['content-type'] ??= 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers: h, body: payload, redirect: 'manual' });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, body: parsed as T, headers: res.headers, text };
  }
  get<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('GET', path, undefined, headers);
  }
  post<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('POST', path, body ?? {}, headers);
  }
  patch<T = any>(path: string, body?: unknown, headers?: Record<string, string>) {
    return this.request<T>('PATCH', path, body ?? {}, headers);
  }
  delete<T = any>(path: string, headers?: Record<string, string>) {
    return this.request<T>('DELETE', path, undefined, headers);
  }
}

export interface TestServer {
  deps: AppDeps;
  db: DbHandle['db'];
  clock: TestClock;
  url: string;
  api: Api;
  close(): Promise<void>;
}

/** Starts the real app on an ephemeral port against this run's test database. */
export async function startTestServer(env: Record<string, string> = {}): Promise<TestServer> {
  const databaseUrl = inject('testDatabaseUrl');
  const config: Config = loadConfig({
    APP_MODE: 'test',
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    WORKERS: 'off',
    UPLOAD_DIR: `.data/test-uploads/${randomBytes(4).toString('hex')}`,
    H5_DIST_DIR: '/nonexistent-h5-dist',
    ...env,
  });
  const handle = openAppDatabase({ ...config, db: { ...config.db, poolSize: Number(env.DB_POOL_SIZE ?? 10) } });
  const clock = new TestClock();
  const deps: AppDeps = { config, db: handle.db, pool: handle.pool, logger: createLogger(config.logLevel), now: clock.now };
  const server: Server = createServer(createApp(deps).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    deps,
    db: handle.db,
    clock,
    url,
    api: new Api(url),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await handle.close();
    },
  };
}

export interface TestUser {
  id: number;
  corpId: number;
  wecomUserId: string;
  token: string;
  api: Api;
}

export interface TestCorp {
  id: number;
  wecomCorpId: string;
  departments: Record<string, number>;
  users: Record<string, TestUser>;
}

/**
 * Builds an isolated corp: a root department, two sales departments (one nested under the
 * first) and users by key: admin, manager (leads 销售一部 incl. the nested 一组), rep1, rep2
 * (销售一部), rep3 (一组), manager2 (leads 销售二部), rep9 (销售二部), finance.
 */
export async function makeCorp(t: TestServer, db: Db = t.db): Promise<TestCorp> {
  const wecomCorpId = `wwtest${randomBytes(6).toString('hex')}`;
  const corpId = await ensureCorp(db, wecomCorpId, `测试企业 ${wecomCorpId.slice(-4)}`, '1000002');
  const departments = await ensureDepartments(db, corpId, [
    { wecomDeptId: 1, name: '总部', parent: null },
    { wecomDeptId: 2, name: '销售一部', parent: 1 },
    { wecomDeptId: 5, name: '销售一部一组', parent: 2 },
    { wecomDeptId: 3, name: '销售二部', parent: 1 },
    { wecomDeptId: 4, name: '财务部', parent: 1 },
  ]);
  const spec: { key: string; role: Role; department: string; leader?: boolean }[] = [
    { key: 'admin', role: 'admin', department: '总部' },
    { key: 'manager', role: 'manager', department: '销售一部', leader: true },
    { key: 'rep1', role: 'rep', department: '销售一部' },
    { key: 'rep2', role: 'rep', department: '销售一部' },
    { key: 'rep3', role: 'rep', department: '销售一部一组' },
    { key: 'manager2', role: 'manager', department: '销售二部', leader: true },
    { key: 'rep9', role: 'rep', department: '销售二部' },
    { key: 'finance', role: 'finance', department: '财务部' },
  ];
  const ids = await ensureUsers(
    db,
    corpId,
    spec.map((s) => ({ wecomUserId: s.key, name: `用户${s.key}`, role: s.role, department: s.department, leader: s.leader })),
    departments,
  );
  const users: Record<string, TestUser> = {};
  for (const s of spec) {
    const id = ids[s.key]!;
    const { token } = await createSession(t.deps, db, { id, corpId }, 'dev');
    users[s.key] = { id, corpId, wecomUserId: s.key, token, api: t.api.as(token) };
  }
  return { id: corpId, wecomCorpId, departments, users };
}
