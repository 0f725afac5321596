#!/usr/bin/env node
// `npm run demo`: install, ensure a database, build the H5 app, start the WeCom emulator and the
// server in demo mode on http://127.0.0.1:3000 (PORT overrides).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, ensureDependencies, freePort, isPortFree, run, startChild, step, waitForHttp } from './lib/run.mjs';

async function main() {
  ensureDependencies();
  const { ensureDatabaseUrl } = await import('./lib/ensure-db.mjs');
  step('Ensuring a MySQL-compatible server');
  const databaseUrl = await ensureDatabaseUrl('scrm_demo');

  step('Building the H5 app');
  run('npm', ['run', 'build:h5']);

  const port = process.env.PORT ?? '3000';
  const env = { APP_MODE: 'demo', DATABASE_URL: databaseUrl, PORT: port };
  const children = [];
  const emulatorEntry = join(ROOT, 'server', 'src', 'wecom', 'emulator', 'main.ts');
  if (!process.env.WECOM_API_BASE && existsSync(emulatorEntry)) {
    // 3100 is where `npm run wecom:simulate` looks by default; another port when it is taken.
    const emuPort = (await isPortFree(3100)) ? 3100 : await freePort();
    step(`Starting the local WeCom emulator on 127.0.0.1:${emuPort}`);
    const emu = startChild('wecom-emulator', 'npx', ['tsx', emulatorEntry], {
      WECOM_EMULATOR_PORT: String(emuPort),
      WECOM_CALLBACK_URL: `http://127.0.0.1:${port}/wecom/callback`,
    });
    children.push(emu);
    env.WECOM_API_BASE = `http://127.0.0.1:${emuPort}`;
    await waitForHttp(`${env.WECOM_API_BASE}/_emulator/counters`, 30_000, emu);
  }

  step('Starting the server (demo mode)');
  const server = startChild('server', 'npx', ['tsx', join('server', 'src', 'main.ts')], env);
  children.push(server);
  const stop = () => {
    for (const c of children) c.kill('SIGTERM');
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  await waitForHttp(`http://127.0.0.1:${port}/readyz`, 120_000, server);
  process.stdout.write(`\n  演示已就绪 / Demo ready: http://127.0.0.1:${port}\n  选择一个演示用户登录 (e.g. demo.rep1). Ctrl+C stops.\n`);
  if (env.WECOM_API_BASE && !env.WECOM_API_BASE.endsWith(':3100')) {
    process.stdout.write(`  WeCom emulator: ${env.WECOM_API_BASE} (use WECOM_API_BASE=${env.WECOM_API_BASE} npm run wecom:simulate -- …)\n`);
  }
  process.stdout.write('\n');
  server.on('exit', (code) => {
    stop();
    process.exit(code ?? 0);
  });
}

main().catch((err) => {
  process.stderr.write(`\n✖ ${err.message}\n`);
  process.exit(err.exitCode ?? 1);
});
