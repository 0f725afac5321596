import { z } from 'zod';
import { modules } from '../../src/modules/index';
import type { RouteSpec } from '../../src/http/route';
import type { Kind } from './world';

/** Every mounted route with its key `METHOD /path`. */
export const allRoutes: { key: string; spec: RouteSpec; module: string }[] = modules.flatMap((m) =>
  m.routes.map((spec) => ({ key: `${spec.method.toUpperCase()} ${spec.path}`, spec, module: m.name })),
);

export const pathParams = (path: string): string[] => [...path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]!);

/**
 * The audit map: for each path parameter, the kind of record it names (`id` by the path's
 * resource, child ids by their sub-resource), or `enum` when it is a fixed word (an action name,
 * a queue) whose values are read from the route's params schema. A new route with a parameter
 * that is neither mapped here nor listed in UNCOVERED fails the isolation test.
 */
const RESOURCE_KINDS: [RegExp, Kind][] = [
  [/^\/api\/pools\/:id/, 'pool'],
  [/^\/api\/leads\/:id/, 'lead'],
  [/^\/api\/customers\/:id/, 'customer'],
  [/^\/api\/contacts\/:id/, 'contact'],
  [/^\/api\/follow-ups\/:id/, 'followUp'],
  [/^\/api\/price-lists\/:id/, 'priceList'],
  [/^\/api\/product-categories\/:id/, 'productCategory'],
  [/^\/api\/products\/:id/, 'product'],
  [/^\/api\/skus\/:id/, 'sku'],
  [/^\/api\/opportunities\/:id/, 'opportunity'],
  [/^\/api\/quotes\/:id/, 'quote'],
  [/^\/api\/approvals\/:id/, 'approval'],
  [/^\/api\/files\/:id/, 'file'],
  [/^\/api\/expense-claims\/:id/, 'expenseClaim'],
  [/^\/api\/advances\/:id/, 'advance'],
  [/^\/api\/reports\/:id/, 'report'],
  [/^\/api\/visits\/:id/, 'visit'],
  [/^\/api\/contracts\/:id/, 'contract'],
  [/^\/api\/receipts\/:id/, 'receipt'],
  [/^\/api\/receivables\/:id/, 'receivable'],
  [/^\/api\/orders\/:id/, 'order'],
  [/^\/api\/shipments\/:id/, 'shipment'],
  [/^\/api\/invoices\/:id/, 'invoice'],
  [/^\/api\/assets\/:id/, 'asset'],
  [/^\/api\/campaigns\/:id/, 'campaign'],
  [/^\/api\/wecom\/dead-letters\/:queue\/:id/, 'deadLetter'],
];
const CHILD_KINDS: Record<string, Kind> = {
  '/api/opportunities/:id/contacts/:childId': 'oppContact',
  '/api/opportunities/:id/support-requests/:childId': 'supportRequest',
  '/api/customers/:id/group-chats/:chatId': 'groupChat',
  '/api/campaigns/:id/payments/:paymentId': 'campaignPayment',
};
/** Parameters that are a fixed word, not a record: every value the params schema allows is tried. */
const ENUM_PARAMS = new Set(['action', 'queue']);

/** Routes with a parameter that the generic walk cannot cover, each with the reason and where it is tested instead. */
export const UNCOVERED: Record<string, string> = {
  'POST /api/erp/:entity': ':entity is an entity type (customers, products…), not a record; admin-only, writes only into the caller\'s corp — tested explicitly below',
  'POST /api/erp/:entity/import': 'same as POST /api/erp/:entity (raw body import) — tested explicitly below',
  'OPTIONS /api/public/campaigns/:key/leads': 'CORS preflight of the public web-to-lead form: answers headers only, reads nothing',
  'POST /api/public/campaigns/:key/leads': 'public web-to-lead form keyed by a campaign\'s form key; only creates a lead and answers nothing about the corp — tested explicitly below',
};

export type ParamRef = { param: string; kind: Kind } | { param: string; values: string[] };

/** How each parameter of a route is filled, or null when some parameter is unmapped. */
export function paramRefs(r: { key: string; spec: RouteSpec }): ParamRef[] | null {
  const out: ParamRef[] = [];
  for (const p of pathParams(r.spec.path)) {
    if (ENUM_PARAMS.has(p)) {
      const values = enumValues(r.spec.params, p);
      if (!values) return null;
      out.push({ param: p, values });
      continue;
    }
    if (p === 'id') {
      const hit = RESOURCE_KINDS.find(([re]) => re.test(r.spec.path));
      if (!hit) return null;
      out.push({ param: p, kind: hit[1] });
      continue;
    }
    const child = Object.entries(CHILD_KINDS).find(([prefix]) => r.spec.path.startsWith(prefix));
    if (!child) return null;
    out.push({ param: p, kind: child[1] });
  }
  return out;
}

function enumValues(schema: z.ZodType | undefined, key: string): string[] | null {
  const shape = (schema as unknown as { shape?: Record<string, z.ZodType> } | undefined)?.shape;
  const field = shape?.[key] as unknown as { options?: unknown[] } | undefined;
  return Array.isArray(field?.options) ? field.options.map(String) : null;
}

/** The concrete paths of a route for a set of ids (one per enum value). */
export function concretePaths(path: string, refs: ParamRef[], ids: Record<Kind, string>): string[] {
  let paths = [path];
  for (const ref of refs) {
    const values = 'kind' in ref ? [ids[ref.kind]] : ref.values;
    paths = paths.flatMap((p) => values.map((v) => p.replace(`:${ref.param}`, encodeURIComponent(v))));
  }
  return paths;
}
