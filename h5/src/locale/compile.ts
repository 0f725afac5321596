import type { MessageCompiler, MessageContext, MessageFunction } from 'vue-i18n';

type Part = string | { named: string } | { list: number };
/** `normalize` and `interpolate` exist at run time but are left out of vue-i18n's public types. */
type Ctx = MessageContext<string> & { normalize(values: unknown[]): string; interpolate(value: unknown): string };

/**
 * Parses one plural branch: `{name}` and `{0}` are placeholders, `{'…'}` is a literal, anything
 * else is text (an unclosed `{` included). That is the whole syntax our locale files use.
 */
function parse(source: string): Part[] {
  const parts: Part[] = [];
  let text = '';
  const placeholder = /\{\s*(?:'([^']*)'|([A-Za-z_$][\w$-]*)|(\d+))\s*\}/y;
  for (let i = 0; i < source.length; ) {
    placeholder.lastIndex = i;
    const m = source[i] === '{' ? placeholder.exec(source) : null;
    if (!m) {
      text += source[i];
      i += 1;
      continue;
    }
    if (m[1] !== undefined) text += m[1];
    else {
      if (text) parts.push(text);
      text = '';
      parts.push(m[2] !== undefined ? { named: m[2] } : { list: Number(m[3]) });
    }
    i = placeholder.lastIndex;
  }
  if (text) parts.push(text);
  return parts;
}

function render(parts: Part[], ctx: Ctx): string {
  return ctx.normalize(parts.map((p) => (typeof p === 'string' ? p : ctx.interpolate('named' in p ? ctx.named(p.named) : ctx.list(p.list)))));
}

const cache = new Map<string, MessageFunction<string>>();

/**
 * The app's message compiler, used instead of vue-i18n's (whose parser and code generator weigh
 * ~6 KB gzip in the first-screen chunk, and whose generated code needs `new Function`). It covers
 * the subset of the vue-i18n message syntax our texts use — named `{name}` and list `{0}`
 * interpolation, `{'literal'}`, and `a | b` plural branches; linked messages (`@:key`) and
 * modifiers are not supported, so keep them out of the locale files.
 */
export const compileMessage: MessageCompiler = (source) => {
  if (typeof source !== 'string') throw new TypeError('precompiled (AST) messages are not supported');
  const hit = cache.get(source);
  if (hit) return hit;
  const branches = source.split('|');
  let run: (ctx: Ctx) => string;
  if (branches.length === 1) {
    const parts = parse(source);
    run = (ctx) => render(parts, ctx);
  } else {
    const parsed = branches.map((b) => parse(b.trim()));
    run = (ctx) => ctx.plural(parsed.map((parts) => render(parts, ctx)));
  }
  const fn = run as unknown as MessageFunction<string>;
  cache.set(source, fn);
  return fn;
};
