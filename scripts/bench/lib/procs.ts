/** Child processes of the benchmark: the real server (production mode) and the bare-Koa ceiling, with RSS sampling. */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { BENCH_AES_KEY, BENCH_AGENT_ID, BENCH_CORP_WECOM_ID, BENCH_SECRET, BENCH_SESSION_SECRET, BENCH_TOKEN } from './plan';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface Proc {
  child: ChildProcess;
  url: string;
  /** Peak RSS (MiB) since the last reset. */
  peakRss(): number;
  resetPeak(): void;
  rss(): number;
  /** CPU time (ms, user + system) the process has used so far. */
  cpuMs(): number;
  stop(): Promise<void>;
}

function rssMiB(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** utime + stime of a process in ms (clock ticks are 1/100 s on Linux). */
export function cpuMsOf(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return 0;
  }
}

async function startProc(args: string[], env: NodeJS.ProcessEnv, port: number, readyPath: string, cwd: string): Promise<Proc> {
  const child = spawn(process.execPath, args, { cwd, env: { ...process.env, ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)).length > 4000 && (err = err.slice(-4000)));
  child.stdout!.on('data', () => undefined);
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode != null) throw new Error(`process exited (${child.exitCode}): ${err}`);
    try {
      const res = await fetch(`${url}${readyPath}`);
      if (res.ok) break;
    } catch {
      /* not yet */
    }
    if (Date.now() > deadline) throw new Error(`process not ready: ${err}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, rssMiB(child.pid!))), 200);
  return {
    child,
    url,
    peakRss: () => Math.max(peak, rssMiB(child.pid!)),
    resetPeak: () => (peak = rssMiB(child.pid!)),
    rss: () => rssMiB(child.pid!),
    cpuMs: () => cpuMsOf(child.pid!),
    stop: async () => {
      clearInterval(timer);
      if (child.exitCode != null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

/** The real server: production mode, workers off (the harness times the reclaim job itself), warn-level logs. */
export function startAppServer(databaseUrl: string, port: number, captureFile?: string): Promise<Proc> {
  const args = [...(process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean), '--import', 'tsx', ...(captureFile ? ['--require', `${ROOT}scripts/bench/lib/capture.cjs`] : []), 'src/main.ts'];
  return startProc(
    args,
    {
      APP_MODE: 'production',
      NODE_ENV: 'production',
      DATABASE_URL: databaseUrl,
      SESSION_SECRET: BENCH_SESSION_SECRET,
      WECOM_CORP_ID: BENCH_CORP_WECOM_ID,
      WECOM_AGENT_ID: BENCH_AGENT_ID,
      WECOM_SECRET: BENCH_SECRET,
      WECOM_TOKEN: BENCH_TOKEN,
      WECOM_ENCODING_AES_KEY: BENCH_AES_KEY,
      WECOM_API_BASE: 'http://127.0.0.1:9',
      WORKERS: 'off',
      LOG_LEVEL: 'warn',
      BENCH_CAPTURE_FILE: captureFile ?? '',
    },
    port,
    '/readyz',
    `${ROOT}server`,
  );
}

export function startHelloServer(port: number): Promise<Proc> {
  return startProc([`${ROOT}scripts/bench/lib/hello-server.mjs`], { NODE_ENV: 'production' }, port, '/hello', ROOT);
}
