import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { APP_MODES } from '@scrm/shared';

/** Built-in demo corp used when WECOM_CORP_ID is unset (demo and test modes only). */
export const DEMO_CORP_ID = 'ww0000000000demo';
export const DEMO_AGENT_ID = '1000002';
export const DEMO_SECRET = 'demo-app-secret';

const envSchema = z
  .object({
    APP_MODE: z.enum(APP_MODES, { error: 'must be production, demo or test' }).default('production'),
    PORT: z.coerce.number({ error: 'must be a port number' }).int().min(0).max(65535).default(3000),
    HOST: z.string().min(1).default('127.0.0.1'),
    DATABASE_URL: z
      .string({ error: 'is required (mysql://user:pass@host:port/db)' })
      .regex(/^mysql:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, { error: 'must look like mysql://user:pass@host:port/db' }),
    PUBLIC_BASE_URL: z.url({ error: 'must be an absolute URL' }).optional(),
    SESSION_SECRET: z.string().min(16, { error: 'must be at least 16 characters' }).optional(),
    WECOM_CORP_ID: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, { error: 'must be a WeCom corp id' }).optional(),
    WECOM_AGENT_ID: z.string().regex(/^\d{1,12}$/, { error: 'must be a numeric agent id' }).optional(),
    WECOM_SECRET: z.string().min(1).optional(),
    WECOM_TOKEN: z.string().min(1).optional(),
    WECOM_ENCODING_AES_KEY: z
      .string()
      .regex(/^[A-Za-z0-9]{43}$/, { error: 'must be the 43-character EncodingAESKey' })
      .optional(),
    WECOM_API_BASE: z.url({ error: 'must be an absolute URL' }).default('https://qyapi.weixin.qq.com'),
    UPLOAD_DIR: z.string().min(1).default('.data/uploads'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    H5_DIST_DIR: z.string().optional(),
    /** Start background workers (callback inbox, outbox, jobs) in this process. */
    WORKERS: z.enum(['on', 'off'], { error: 'must be on or off' }).default('on'),
    /** Trust X-Forwarded-For/-Proto from a reverse proxy (client IPs for rate limits, https cookies). */
    TRUST_PROXY: z.enum(['on', 'off'], { error: 'must be on or off' }).default('off'),
    /** Connections in the database pool. */
    DB_POOL_SIZE: z.coerce.number({ error: 'must be a number' }).int().min(2, { error: 'must be at least 2' }).max(500).default(20),
    /** How long a request waits for a free pool connection before answering 503 database_busy. */
    DB_ACQUIRE_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).max(600_000).default(3000),
    /** How long one SQL statement of a request may take before the connection is dropped and the request answers 503. */
    DB_STATEMENT_TIMEOUT_MS: z.coerce.number({ error: 'must be a number of milliseconds' }).int().min(100).max(3_600_000).default(5000),
  })
  .superRefine((env, ctx) => {
    if (env.APP_MODE === 'production') {
      for (const key of ['SESSION_SECRET', 'WECOM_CORP_ID', 'WECOM_AGENT_ID', 'WECOM_SECRET'] as const) {
        if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
      }
    }
  });

export interface Config {
  mode: (typeof APP_MODES)[number];
  port: number;
  host: string;
  databaseUrl: string;
  publicBaseUrl: string;
  sessionSecret: string;
  devLogin: boolean;
  wecom: {
    corpId: string;
    agentId: string;
    secret: string;
    token: string | undefined;
    encodingAesKey: string | undefined;
    apiBase: string;
  };
  uploadDir: string;
  logLevel: string;
  h5DistDir: string | undefined;
  workers: boolean;
  trustProxy: boolean;
  db: {
    poolSize: number;
    acquireTimeoutMs: number;
    statementTimeoutMs: number;
  };
}

/** Thrown with one line naming the offending variable. */
export class ConfigError extends Error {}

/** Parses the environment; a bad value raises ConfigError whose message names the variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? 'environment');
    throw new ConfigError(`Invalid configuration: ${name} ${issue.message}`);
  }
  const e = parsed.data;
  const port = e.PORT;
  return {
    mode: e.APP_MODE,
    port,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://127.0.0.1:${port}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET ?? randomBytes(32).toString('hex'),
    devLogin: e.APP_MODE !== 'production',
    wecom: {
      corpId: e.WECOM_CORP_ID ?? DEMO_CORP_ID,
      agentId: e.WECOM_AGENT_ID ?? DEMO_AGENT_ID,
      secret: e.WECOM_SECRET ?? DEMO_SECRET,
      token: e.WECOM_TOKEN,
      encodingAesKey: e.WECOM_ENCODING_AES_KEY,
      apiBase: e.WECOM_API_BASE.replace(/\/$/, ''),
    },
    uploadDir: e.UPLOAD_DIR,
    logLevel: e.LOG_LEVEL,
    h5DistDir: e.H5_DIST_DIR,
    workers: e.WORKERS === 'on',
    trustProxy: e.TRUST_PROXY === 'on',
    db: { poolSize: e.DB_POOL_SIZE, acquireTimeoutMs: e.DB_ACQUIRE_TIMEOUT_MS, statementTimeoutMs: e.DB_STATEMENT_TIMEOUT_MS },
  };
}
