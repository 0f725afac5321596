import type { Db } from '../db/client';
import type { AppDeps } from '../http/context';
import type { RouteSpec } from '../http/route';

/** A background worker started with the server; `stop` must let in-flight work finish. */
export interface Worker {
  stop(): Promise<void>;
}

/** Demo seed context handed to each module in order (idempotent: check before inserting). */
export interface SeedContext {
  deps: AppDeps;
  db: Db;
  corpId: number;
  /** Local user ids by WeCom user id, e.g. `users['demo.rep1']`. */
  users: Record<string, number>;
  /** Local department ids by name, e.g. `departments['销售一部']`. */
  departments: Record<string, number>;
}

/** A business module: routes, optional wiring, optional workers, optional demo seed. */
export interface AppModule {
  name: string;
  routes: RouteSpec[];
  /**
   * Hooks the module into its neighbours' registries: approval outcomes (`onApprovalDecided`),
   * customer rollup and timeline sources, card handlers, attachment visibility. Called by
   * `wireModules()` (createApp, the demo seed) before any request or seed runs, never at import.
   * The registries are process-wide and tests build many apps in one process, so it must be
   * idempotent (register the same function, or guard with a flag) and must not capture an app's deps.
   */
  wire?: () => void;
  startWorkers?: (deps: AppDeps) => Worker[];
  seedDemo?: (ctx: SeedContext) => Promise<void>;
}
