import type { Pool } from 'mysql2/promise';
import type { Role } from '@scrm/shared';
import type { Config } from '../config';
import type { Database } from '../db/client';
import type { Logger } from '../logger';

/** Process-wide dependencies handed to routes, services and workers. */
export interface AppDeps {
  config: Config;
  db: Database;
  pool: Pool;
  logger: Logger;
  /** Injected clock so rules with time (reclaim, cooldown, expiry) are testable. */
  now: () => Date;
}

/** The signed-in caller. */
export interface AuthUser {
  id: number;
  corpId: number;
  wecomUserId: string;
  name: string;
  role: Role;
  sessionId: number;
}

/** Koa state set by the middleware chain. */
export interface AppState {
  requestId: string;
  log: Logger;
  user?: AuthUser;
}
