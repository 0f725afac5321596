import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProject } from 'vitest/node';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      srv.close(() => resolve(typeof addr === 'object' && addr ? addr.port : 0));
    });
  });
}

async function waitFor(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`${url}: process exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not yet */
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  throw new Error(`${url} not ready after ${timeoutMs / 1000}s`);
}

function start(name: string, args: string[], env: Record<string, string>): ChildProcess {
  const child = spawn(process.execPath, [join(ROOT, 'node_modules', 'tsx', 'dist', 'cli.mjs'), ...args], {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  child.stderr?.on('data', (d: Buffer) => process.stderr.write(`[${name}] ${d.toString()}`));
  return child;
}

/**
 * Starts the real server in test mode (own database, seeded demo corp) serving the built H5, plus
 * the local WeCom emulator, unless E2E_BASE_URL points at a running one.
 */
export default async function setup(project: TestProject) {
  if (process.env.E2E_BASE_URL) {
    project.provide('e2eBaseUrl', process.env.E2E_BASE_URL);
    return;
  }
  if (!existsSync(join(ROOT, 'h5', 'dist', 'build', 'h5', 'index.html'))) {
    throw new Error('The H5 app is not built: run `npm run build:h5` first (npm test does it).');
  }
  const dbServer = new URL(process.env.TEST_DATABASE_SERVER_URL ?? 'mysql://root@127.0.0.1:3306');
  const dbName = `scrm_e2e_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  dbServer.pathname = `/${dbName}`;
  const port = await freePort();
  const children: ChildProcess[] = [];
  const env: Record<string, string> = {
    APP_MODE: 'test',
    DATABASE_URL: dbServer.toString(),
    PORT: String(port),
    LOG_LEVEL: 'warn',
    // As deployed behind a reverse proxy: the web-to-lead test sends X-Forwarded-For.
    TRUST_PROXY: 'on',
    UPLOAD_DIR: join(ROOT, '.data', 'e2e-uploads', dbName),
  };
  const emulatorEntry = join(ROOT, 'server', 'src', 'wecom', 'emulator', 'main.ts');
  if (existsSync(emulatorEntry)) {
    const emuPort = await freePort();
    const emu = start('wecom-emulator', [emulatorEntry], {
      WECOM_EMULATOR_PORT: String(emuPort),
      WECOM_CALLBACK_URL: `http://127.0.0.1:${port}/wecom/callback`,
    });
    children.push(emu);
    env.WECOM_API_BASE = `http://127.0.0.1:${emuPort}`;
    await waitFor(`${env.WECOM_API_BASE}/_emulator/counters`, emu, 30_000);
    project.provide('e2eWecomApiBase', env.WECOM_API_BASE);
  }
  const server = start('server', [join(ROOT, 'server', 'src', 'main.ts')], env);
  children.push(server);
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitFor(`${baseUrl}/readyz`, server, 120_000);
  process.env.E2E_BASE_URL = baseUrl;
  project.provide('e2eBaseUrl', baseUrl);

  return async () => {
    for (const c of children) c.kill('SIGTERM');
    await Promise.all(children.map((c) => new Promise((r) => (c.exitCode !== null ? r(null) : c.once('exit', r)))));
    const { createConnection } = await import('mysql2/promise');
    const u = new URL(dbServer.toString());
    const conn = await createConnection({ host: u.hostname, port: Number(u.port || 3306), user: decodeURIComponent(u.username), password: decodeURIComponent(u.password) });
    await conn.query(`DROP DATABASE IF EXISTS \`${dbName}\``);
    await conn.end();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    e2eBaseUrl: string;
    e2eWecomApiBase?: string;
  }
}
