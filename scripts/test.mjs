#!/usr/bin/env node
// `npm test`: the same set-up as the demo, then every test — type check, builds, unit,
// integration against the real database, and end-to-end in headless Chromium. Ends with vitest's summary.
import { existsSync } from 'node:fs';
import { aptInstall, ensureDependencies, hasCommand, run, step } from './lib/run.mjs';

async function main() {
  ensureDependencies();
  const { ensureDatabaseServer } = await import('./lib/ensure-db.mjs');
  step('Ensuring a MySQL-compatible server');
  const dbServer = await ensureDatabaseServer();
  process.stdout.write(`  database server: ${dbServer.replace(/:[^:@/]*@/, ':***@')}\n`);

  // The fault-injection tests (server/test/reliability) start, freeze and kill a private MariaDB.
  if (!['/usr/sbin/mariadbd', '/usr/sbin/mysqld', '/usr/bin/mariadbd'].some((p) => existsSync(p)) || !hasCommand('mariadb-install-db')) {
    step('Installing Debian mariadb-server for the database fault-injection tests');
    aptInstall(['mariadb-server']);
  }

  if (!existsSync('/usr/bin/chromium')) {
    step('Installing Debian chromium for the end-to-end tests');
    aptInstall(['chromium']);
  }

  step('Type check (shared, server, h5)');
  run('npm', ['run', 'typecheck']);
  step('Building the H5 app');
  run('npm', ['run', 'build:h5']);
  step('Building the mini program (mp-weixin)');
  run('npm', ['run', 'build:mp']);

  step('Tests: unit, integration (real database), end-to-end (Chromium)');
  // Plain text when not on a terminal (CI logs): tinyrainbow treats any FORCE_COLOR, even 0, as "on".
  const colorEnv = process.stdout.isTTY ? {} : { NO_COLOR: '1' };
  run('npx', ['vitest', 'run'], { env: { TEST_DATABASE_SERVER_URL: dbServer, ...colorEnv } });
}

main().catch((err) => {
  process.stderr.write(`\n✖ ${err.message}\n`);
  process.exit(err.exitCode ?? 1);
});
