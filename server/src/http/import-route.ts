import type { z } from 'zod';
import { importResult, type ImportResult } from '@scrm/shared';
import type { DataScope } from '../auth/scope';
import type { Db } from '../db/client';
import { readUpload } from '../lib/excel';
import type { AuthUser } from './context';
import { defineRoute, type RouteSpec } from './route';

/** What an Excel import gets: the upload, the validated query and the caller. */
export interface ImportArgs<Q> {
  db: Db;
  user: AuthUser;
  scope: DataScope;
  file: Buffer;
  query: Q;
  now: Date;
}

/**
 * A `POST …/import` route: raw .xlsx body (≤ 5 MB), not idempotent, answering the row-level
 * `ImportResult`, with one summary audit entry (`<entityType>.import`).
 */
export function importRoute<Q extends z.ZodType>(spec: {
  path: string;
  summary: string;
  tag: string;
  entityType: string;
  query: Q;
  run: (args: ImportArgs<z.infer<Q>>) => Promise<ImportResult>;
}): RouteSpec {
  return defineRoute({
    method: 'post',
    path: spec.path,
    summary: spec.summary,
    tags: [spec.tag],
    bodyType: 'raw',
    idempotent: false,
    query: spec.query,
    response: importResult,
    handler: async ({ ctx, db, query, user, scope, deps, audit }) => {
      const file = await readUpload(ctx);
      const out = await spec.run({ db, user, scope: await scope(), file, query: query as z.infer<Q>, now: deps.now() });
      await audit({ action: `${spec.entityType}.import`, entityType: spec.entityType, entityId: 'import', after: { ...out, errors: out.errors.length } });
      return out;
    },
  });
}
