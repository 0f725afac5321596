import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context, Next } from 'koa';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.txt': 'text/plain; charset=utf-8',
};

const NOT_BUILT = `<!doctype html><meta charset="utf-8"><title>SCRM</title>
<body style="font-family:sans-serif;max-width:36em;margin:3em auto">
<h1>前端尚未构建 / H5 app not built</h1>
<p>API 已就绪（<a href="/api/openapi.json">/api/openapi.json</a>）。构建 H5：<code>npm run build:h5</code>，然后刷新本页。</p>
<p>The API is up. Build the H5 app with <code>npm run build:h5</code> and reload.</p></body>`;

async function fileExists(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

/** Serves the built H5 app; unknown non-API paths fall back to index.html (history-mode routing). */
export function serveH5(root: string) {
  const base = normalize(root + sep);
  return async (ctx: Context, next: Next) => {
    if (ctx.method !== 'GET' && ctx.method !== 'HEAD') return next();
    if (ctx.path.startsWith('/api/') || ctx.path.startsWith('/auth/') || ctx.path.startsWith('/wecom/')) return next();
    let rel: string;
    try {
      rel = decodeURIComponent(ctx.path);
    } catch {
      return next();
    }
    const candidate = normalize(join(base, rel));
    if (candidate.startsWith(base) && (await fileExists(candidate))) {
      ctx.type = TYPES[extname(candidate)] ?? 'application/octet-stream';
      // Hashed assets never change; the HTML entry must always be revalidated.
      ctx.set('Cache-Control', candidate.includes(`${sep}assets${sep}`) ? 'public, max-age=31536000, immutable' : 'no-cache');
      ctx.body = createReadStream(candidate);
      return;
    }
    if (extname(rel) && rel !== '/index.html') return next();
    const index = join(base, 'index.html');
    ctx.set('Cache-Control', 'no-cache');
    if (await fileExists(index)) {
      ctx.type = TYPES['.html']!;
      ctx.body = createReadStream(index);
    } else {
      ctx.type = TYPES['.html']!;
      ctx.body = NOT_BUILT;
    }
  };
}
