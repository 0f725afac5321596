import { z } from 'zod';
import { idParams, idSchema, quoteCreateBody, quoteOut, quotePatch } from '@scrm/shared';
import { defineRoute, type RouteSpec } from '../../http/route';
import { idNum } from '../../lib/ids';
import { requireVisibleOpportunity } from '../opportunities/visibility';
import { renderQuotePdf } from './pdf';
import { renderQuoteHtml } from './print';
import * as svc from './service';

const tags = ['quotes'];
const oppParams = z.object({ id: idSchema });

const listForOpportunity = defineRoute({
  method: 'get', path: '/api/opportunities/:id/quotes', summary: 'All quote versions of an opportunity, newest first', tags,
  params: oppParams, response: z.object({ items: z.array(quoteOut) }),
  handler: async ({ db, params, scope }) => {
    const o = await requireVisibleOpportunity(db, await scope(), idNum(params.id));
    const rows = await svc.quotesOfOpportunity(db, o.id);
    const t = await svc.discountThreshold(db, o.corpId);
    return { items: await Promise.all(rows.reverse().map((q) => svc.presentQuote(db, q, t))) };
  },
});

const create = defineRoute({
  method: 'post', path: '/api/opportunities/:id/quotes', summary: 'Push the line items down into a new quote version (editable copy)', tags, status: 201,
  params: oppParams, body: quoteCreateBody, response: quoteOut,
  handler: async ({ db, params, body, scope, user, deps, audit }) => {
    const o = await requireVisibleOpportunity(db, await scope(), idNum(params.id), { forUpdate: true });
    svc.assertQuoteEditable(await scope(), o);
    const q = await svc.createQuote(db, o, body, user.id, deps.now());
    const out = await svc.presentQuote(db, q);
    await audit({ action: 'create', entityType: 'quote', entityId: q.id, after: out });
    return out;
  },
});

const get = defineRoute({
  method: 'get', path: '/api/quotes/:id', summary: 'One quote with its lines', tags,
  params: idParams, response: quoteOut,
  handler: async ({ db, params, scope }) => svc.presentQuote(db, (await svc.loadQuote(db, await scope(), idNum(params.id))).q),
});

const patch = defineRoute({
  method: 'patch', path: '/api/quotes/:id', summary: 'Edit a draft / rejected quote (lines, validity, note)', tags,
  params: idParams, body: quotePatch, response: quoteOut,
  handler: async ({ db, params, body, scope, deps, audit }) => {
    const { q, o } = await svc.loadQuote(db, await scope(), idNum(params.id), true, true);
    const before = await svc.presentQuote(db, q);
    await svc.editQuote(db, q, o, body, deps.now());
    const after = await svc.presentQuote(db, await svc.quoteById(db, q.id));
    await audit({ action: 'update', entityType: 'quote', entityId: q.id, before, after });
    return after;
  },
});

const submit = defineRoute({
  method: 'post', path: '/api/quotes/:id/actions/submit', summary: 'Submit: approved at once, or discount approval when over the corp threshold', tags,
  params: idParams, response: quoteOut,
  handler: async ({ db, params, scope, deps, user, audit }) => {
    const { q, o } = await svc.loadQuote(db, await scope(), idNum(params.id), true, true);
    await svc.submitQuote(db, deps, q, user.id, await svc.customerNameOf(db, o.customerId));
    const after = await svc.presentQuote(db, await svc.quoteById(db, q.id));
    await audit({ action: 'submit', entityType: 'quote', entityId: q.id, before: { status: q.status }, after: { status: after.status } });
    return after;
  },
});

const accept = defineRoute({
  method: 'post', path: '/api/quotes/:id/actions/accept', summary: 'Customer accepted: marks the opportunity’s winning quote', tags,
  params: idParams, response: quoteOut,
  handler: async ({ db, params, scope, deps, audit }) => {
    const { q } = await svc.loadQuote(db, await scope(), idNum(params.id), true, true);
    await svc.acceptQuote(db, q, deps.now());
    const after = await svc.presentQuote(db, await svc.quoteById(db, q.id));
    await audit({ action: 'accept', entityType: 'quote', entityId: q.id, before: { status: q.status }, after: { status: after.status } });
    return after;
  },
});

const print = defineRoute({
  method: 'get', path: '/api/quotes/:id/print', summary: 'Printable Chinese quote page (text/html; print to PDF from the browser)', tags,
  params: idParams,
  handler: async ({ db, params, scope, ctx, user }) => {
    const { q, o } = await svc.loadQuote(db, await scope(), idNum(params.id));
    ctx.type = 'text/html; charset=utf-8';
    ctx.body = await renderQuoteHtml(db, user.corpId, q, o);
    return undefined;
  },
});

const pdf = defineRoute({
  method: 'get', path: '/api/quotes/:id/pdf', summary: 'The quote as a PDF in Chinese (embedded Noto Sans SC; same content and scope as /print)', tags,
  params: idParams,
  handler: async ({ db, params, scope, ctx, user }) => {
    const { q, o } = await svc.loadQuote(db, await scope(), idNum(params.id));
    const body = await renderQuotePdf(db, user.corpId, q, o);
    const ascii = `quote-${q.number}-v${q.version}.pdf`.replace(/[^\w.-]/g, '_');
    ctx.type = 'application/pdf';
    ctx.set('Content-Disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(`报价单-${q.number}-v${q.version}.pdf`)}`);
    ctx.body = body;
    return undefined;
  },
});

export const quoteRoutes = [listForOpportunity, create, get, patch, submit, accept, print, pdf] as RouteSpec[];
