// Finds or starts a MySQL-compatible server, as CONTRACT.md says:
// DATABASE_URL → a server on 127.0.0.1:3306 (root, empty password) → a private MariaDB under .data/.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { ROOT, aptInstall, hasCommand, isRoot, run, step } from './run.mjs';

const PRIVATE_DIR = join(ROOT, '.data', 'mariadb');
const PRIVATE_PORT = 3307;

async function canConnect(serverUrl) {
  const require = createRequire(join(ROOT, 'server', 'package.json'));
  const mysql = require('mysql2/promise');
  const u = new URL(serverUrl);
  try {
    const conn = await mysql.createConnection({
      host: u.hostname,
      port: Number(u.port || 3306),
      user: decodeURIComponent(u.username),
      password: decodeURIComponent(u.password),
      connectTimeout: 3000,
    });
    await conn.query('SELECT 1');
    await conn.end();
    return true;
  } catch (err) {
    return err;
  }
}

function findMariadbd() {
  for (const p of ['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/bin/mariadbd']) if (existsSync(p)) return p;
  return null;
}

async function startPrivateMariadb() {
  let mariadbd = findMariadbd();
  if (!mariadbd) {
    step('Installing Debian mariadb-server (no MySQL-compatible server found)');
    aptInstall(['mariadb-server']);
    mariadbd = findMariadbd();
    if (!mariadbd) throw new Error('mariadb-server was installed but mariadbd was not found');
  }
  const dataDir = join(PRIVATE_DIR, 'data');
  const url = `mysql://root@127.0.0.1:${PRIVATE_PORT}`;
  if ((await canConnect(url)) === true) return url;
  mkdirSync(PRIVATE_DIR, { recursive: true });
  if (!existsSync(join(dataDir, 'mysql'))) {
    step(`Initialising a private MariaDB in ${dataDir}`);
    const installDb = hasCommand('mariadb-install-db') ? 'mariadb-install-db' : 'mysql_install_db';
    run(installDb, [
      '--no-defaults',
      `--datadir=${dataDir}`,
      '--auth-root-authentication-method=normal',
      '--skip-test-db',
      ...(isRoot() ? ['--user=root'] : []),
    ]);
  }
  step(`Starting the private MariaDB on 127.0.0.1:${PRIVATE_PORT}`);
  const child = spawn(
    mariadbd,
    [
      '--no-defaults',
      `--datadir=${dataDir}`,
      `--socket=${join(PRIVATE_DIR, 'mysqld.sock')}`,
      `--pid-file=${join(PRIVATE_DIR, 'mysqld.pid')}`,
      `--port=${PRIVATE_PORT}`,
      '--bind-address=127.0.0.1',
      '--character-set-server=utf8mb4',
      '--collation-server=utf8mb4_unicode_ci',
      `--log-error=${join(PRIVATE_DIR, 'error.log')}`,
      ...(isRoot() ? ['--user=root'] : []),
    ],
    { detached: true, stdio: 'ignore' },
  );
  child.unref();
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 500));
    if ((await canConnect(url)) === true) {
      writeFileSync(join(PRIVATE_DIR, 'url'), url);
      return url;
    }
  }
  const log = existsSync(join(PRIVATE_DIR, 'error.log')) ? readFileSync(join(PRIVATE_DIR, 'error.log'), 'utf8').slice(-2000) : '';
  throw new Error(`the private MariaDB did not start; its log ends with:\n${log}`);
}

/**
 * Returns the URL of a reachable MySQL-compatible server, without a database name.
 * DATABASE_URL wins (its database part is kept by the caller); SCRM_PRIVATE_DB=1 forces the private server.
 */
export async function ensureDatabaseServer() {
  if (process.env.DATABASE_URL) {
    const u = new URL(process.env.DATABASE_URL);
    u.pathname = '';
    const ok = await canConnect(u.toString());
    if (ok !== true) throw new Error(`DATABASE_URL is set but its server does not answer: ${ok.message}`);
    return u.toString().replace(/\/$/, '');
  }
  if (process.env.SCRM_PRIVATE_DB !== '1') {
    const local = 'mysql://root@127.0.0.1:3306';
    if ((await canConnect(local)) === true) return local;
  }
  try {
    return await startPrivateMariadb();
  } catch (err) {
    throw new Error(
      `No MySQL-compatible server is available: DATABASE_URL is unset, nothing answers on 127.0.0.1:3306 as root without a password, and a private MariaDB could not be started (${err.message}). Set DATABASE_URL=mysql://user:pass@host:port/db and retry.`,
    );
  }
}

/** The full DATABASE_URL for a named database on the ensured server (DATABASE_URL itself when set). */
export async function ensureDatabaseUrl(defaultName) {
  const server = await ensureDatabaseServer();
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  return `${server}/${defaultName}`;
}
