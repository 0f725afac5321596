#!/usr/bin/env node
/**
 * Checks the i18n code path of a built mini program (`npm run build:mp`), in node.
 *
 * uni's mp plugin used to swap vue-i18n for its own 9.1.9 runtime, whose composer ignores our
 * `messageCompiler` and returns every message as written ("你好，{name}"). vite.config.ts now
 * aliases vue-i18n to 9.9.1's runtime build on every platform; this script verifies the output:
 *
 * 1. `common/vendor.js` carries vue-i18n 9.9.1 and not uni's 9.1.9 copy (nor its hard-coded
 *    `ctx.normalize([msg])` compiler);
 * 2. the built `locale/i18n.js` (the app's createI18n from vendor.js + our built compile.js) is
 *    loaded and every message of both locales — the feature files' merged in too — is
 *    translated with a value for each placeholder: no `{placeholder}` may survive;
 * 3. named, list, `{'literal'}` and plural messages merged at run time render as they do on H5.
 *
 * The output is CommonJS meant for the WeChat runtime. It is loaded here with a tiny `require`
 * of our own (the repo's package.json says `"type": "module"`). Only what uni's runtime touches
 * while vendor.js loads is provided (see `host` below: three system-info calls answering `{}`,
 * and App/Page/Component/getApp that fail the check if called) — no WeChat behaviour is
 * imitated. Pages, components (`useI18n()` in setup), rendering and `wx.*` APIs are not
 * exercised: that needs WeChat DevTools or a device.
 *
 * Usage: node h5/scripts/check-mp-i18n.mjs [dist dir, default mini-program/dist/mp-weixin]
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compileFunction } from 'node:vm';

const here = dirname(fileURLToPath(import.meta.url));
const dist = resolve(process.argv[2] ?? join(here, '../../mini-program/dist/mp-weixin'));
const failures = [];
const fail = (message) => failures.push(message);

// 1. Which vue-i18n ended up in vendor.js.
const vendor = readFileSync(join(dist, 'common/vendor.js'), 'utf8');
if (!vendor.includes('"9.9.1"')) fail('common/vendor.js: no vue-i18n 9.9.1 (VERSION "9.9.1" not found)');
if (vendor.includes('"9.1.9"')) fail("common/vendor.js: still carries uni's vue-i18n 9.1.9");
if (/messageCompiler:function\(\w+\)\{return \w+=>\w+\.normalize\(\[\w+\]\)\}/.test(vendor)) {
  fail("common/vendor.js: uni's pass-through messageCompiler (ctx.normalize([msg])) is present");
}

// 2. Load the built locale modules with a minimal CommonJS loader confined to the dist folder.

/**
 * vendor.js bundles uni's mp runtime, which reads `wx` while it loads: it wraps the APIs and asks
 * `wx.getAppBaseInfo()` / `getWindowInfo()` / `getDeviceInfo()` once for system info. Those three
 * answer `{}` (no device, no host, no language); every other member is absent. Nothing else of
 * WeChat is stood in for, and the members read are listed in the output.
 */
const noInfo = () => ({});
const wxReads = new Set();
const wx = new Proxy(
  { getAppBaseInfo: noInfo, getWindowInfo: noInfo, getDeviceInfo: noInfo },
  {
    get(target, key) {
      if (typeof key === 'string') wxReads.add(key);
      return target[key];
    },
  },
);
/** Constructors uni's runtime captures (and wraps) at load; the i18n path must never call them. */
const notCalled = (name) => () => {
  throw new Error(`${name}() called: the i18n path must not need the WeChat runtime`);
};
const host = { wx, getApp: notCalled('getApp'), App: notCalled('App'), Page: notCalled('Page'), Component: notCalled('Component') };

const cache = new Map();
function load(file) {
  const cached = cache.get(file);
  if (cached) return cached.exports;
  const module = { exports: {} };
  cache.set(file, module);
  const source = readFileSync(file, 'utf8');
  const localRequire = (id) => {
    if (!id.startsWith('.')) throw new Error(`${file}: unexpected require('${id}')`);
    const target = resolve(dirname(file), id.endsWith('.js') ? id : `${id}.js`);
    if (!target.startsWith(dist)) throw new Error(`${file}: require('${id}') leaves the dist folder`);
    return load(target);
  };
  const params = ['exports', 'require', 'module', '__filename', '__dirname', ...Object.keys(host)];
  compileFunction(source, params, { filename: file })(module.exports, localRequire, module, file, dirname(file), ...Object.values(host));
  return module.exports;
}

const localeDir = join(dist, 'locale');
const { i18n } = load(join(localeDir, 'i18n.js'));
if (!i18n?.global?.t) throw new Error('locale/i18n.js does not export the i18n instance');
const g = i18n.global;

// Feature texts are merged on first use: call every built `ensure…Messages()`.
let ensured = 0;
for (const name of readdirSync(localeDir).filter((f) => f.endsWith('.js')).sort()) {
  for (const [key, value] of Object.entries(load(join(localeDir, name)))) {
    if (/^ensure\w*Messages$/.test(key) && typeof value === 'function') {
      value();
      ensured += 1;
    }
  }
}
if (ensured === 0) fail('no ensure…Messages() found under locale/');

const PLACEHOLDER = /\{\s*(?:([A-Za-z_$][\w$-]*)|(\d+))\s*\}/g;
const LITERAL = /\{\s*'[^']*'\s*\}/g;
let checked = 0;
let withPlaceholders = 0;
for (const locale of ['zh-Hans', 'en']) {
  g.locale.value = locale;
  const walk = (node, path) => {
    for (const [key, value] of Object.entries(node)) {
      const at = path ? `${path}.${key}` : key;
      if (value && typeof value === 'object') walk(value, at);
      if (typeof value !== 'string') continue;
      checked += 1;
      const source = value.replace(LITERAL, '');
      const named = {};
      let list = false;
      for (const m of source.matchAll(PLACEHOLDER)) {
        if (m[1] !== undefined) named[m[1]] = `<${m[1]}>`;
        else list = true;
      }
      if (Object.keys(named).length === 0 && !list) continue;
      withPlaceholders += 1;
      const out = list ? g.t(at, ['<0>', '<1>', '<2>', '<3>']) : g.t(at, named);
      const left = out.match(PLACEHOLDER);
      if (left) fail(`${locale} ${at}: ${JSON.stringify(value)} → ${JSON.stringify(out)} (left ${left.join(' ')})`);
      for (const name of Object.keys(named)) {
        if (!out.includes(`<${name}>`)) fail(`${locale} ${at}: ${JSON.stringify(out)} lacks the value of {${name}}`);
      }
    }
  };
  walk(g.getLocaleMessage(locale), '');
}
if (withPlaceholders === 0) fail('no message with a placeholder found — wrong dist folder?');

// 3. The syntax our compiler supports, through the built vue-i18n.
g.locale.value = 'zh-Hans';
g.mergeLocaleMessage('zh-Hans', {
  mpCheck: {
    greeting: '你好，{name}',
    list: '{0} 和 {1}',
    literal: "邮箱 {'{'}name{'}'} 保留",
    items: '没有 | 一项 | {n} 项',
  },
});
const cases = [
  [g.t('workbench.greeting', { name: '张三' }), '你好，张三'],
  [g.t('mpCheck.greeting', { name: '李四' }), '你好，李四'],
  [g.t('mpCheck.list', ['甲', '乙']), '甲 和 乙'],
  [g.t('mpCheck.literal'), '邮箱 {name} 保留'],
  [g.t('mpCheck.items', 0), '没有'],
  [g.t('mpCheck.items', 1), '一项'],
  [g.t('mpCheck.items', { n: 5 }, 5), '5 项'],
];
for (const [got, want] of cases) if (got !== want) fail(`expected ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);

if (failures.length > 0) {
  process.stderr.write(`${failures.join('\n')}\nmp i18n check: ${failures.length} failure(s) in ${dist}\n`);
  process.exit(1);
}
process.stdout.write(
  `mp i18n check: vue-i18n 9.9.1 in vendor.js; ${checked} messages (${withPlaceholders} with placeholders, ` +
    `${ensured} feature files merged) and ${cases.length} syntax cases render in ${dist}\n` +
    `  wx members read while loading: ${[...wxReads].sort().join(', ') || 'none'}\n`,
);
