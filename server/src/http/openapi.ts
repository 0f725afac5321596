import { z } from 'zod';
import type { RouteSpec } from './route';

function schemaOf(s: z.ZodType | undefined, io: 'input' | 'output'): unknown {
  if (!s) return undefined;
  try {
    return z.toJSONSchema(s, { io, unrepresentable: 'any', target: 'openapi-3.0' });
  } catch {
    return {};
  }
}

const ERROR_SCHEMA = {
  type: 'object',
  properties: {
    error: {
      type: 'object',
      properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
      required: ['code', 'message'],
    },
  },
};

/** OpenAPI 3 document generated from the route specs' zod schemas. */
export function buildOpenApi(specs: RouteSpec[], info: { title: string; version: string }) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of specs) {
    if (!spec.path.startsWith('/api')) continue;
    const path = spec.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const parameters: unknown[] = [];
    for (const [where, schema] of [
      ['path', spec.params],
      ['query', spec.query],
    ] as const) {
      const js = schemaOf(schema, 'input') as { properties?: Record<string, unknown>; required?: string[] } | undefined;
      for (const [name, prop] of Object.entries(js?.properties ?? {})) {
        parameters.push({ name, in: where, required: where === 'path' || (js?.required ?? []).includes(name), schema: prop });
      }
    }
    const op: Record<string, unknown> = {
      summary: spec.summary,
      tags: spec.tags ?? [],
      security: spec.auth === 'none' ? [] : [{ bearer: [] }, { cookie: [] }],
      parameters,
      responses: {
        [String(spec.status ?? 200)]: {
          description: 'OK',
          content: { 'application/json': { schema: schemaOf(spec.response, 'output') ?? {} } },
        },
        default: { description: 'Error', content: { 'application/json': { schema: ERROR_SCHEMA } } },
      },
    };
    if (spec.body) op.requestBody = { required: true, content: { 'application/json': { schema: schemaOf(spec.body, 'input') } } };
    (paths[path] ??= {})[spec.method] = op;
  }
  return {
    openapi: '3.0.3',
    info,
    components: {
      securitySchemes: {
        bearer: { type: 'http', scheme: 'bearer' },
        cookie: { type: 'apiKey', in: 'cookie', name: 'scrm_session' },
      },
    },
    paths,
  };
}
