import type { AppDeps } from '../http/context';
import { sqlErrorCode } from '../http/errors';
import type { Worker } from '../modules/types';

/**
 * Reruns `fn` when InnoDB picks its transaction as a deadlock victim (or a lock wait times out).
 * Jobs and event handlers touching shared rows (the outbox, counters) collide now and then; that
 * is not a failure of the work, only of that attempt.
 */
export async function retryOnDeadlock<T>(fn: () => Promise<T>, tries = 4): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      const code = sqlErrorCode(err);
      if ((code !== 'ER_LOCK_DEADLOCK' && code !== 'ER_LOCK_WAIT_TIMEOUT') || attempt >= tries) throw err;
      await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
    }
  }
}

/**
 * Runs a job after `firstDelayMs` and then every `intervalMs`, one pass at a time, retrying
 * deadlocks; a failed pass is logged and the next one runs on schedule. `stop` waits for the
 * pass in flight.
 */
export function startPeriodicJob(
  deps: AppDeps,
  job: { name: string; intervalMs: number; firstDelayMs?: number; run: () => Promise<unknown> },
): Worker {
  let running: Promise<unknown> = Promise.resolve();
  let busy = false;
  const tick = () => {
    if (busy) return;
    busy = true;
    running = retryOnDeadlock(job.run)
      .catch((err) => deps.logger.error({ err, job: job.name }, 'job failed'))
      .finally(() => {
        busy = false;
      });
  };
  const first = setTimeout(tick, job.firstDelayMs ?? 1000);
  const timer = setInterval(tick, job.intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: async () => {
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
