import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import uniModule from '@dcloudio/vite-plugin-uni';

// The uni plugin ships as CommonJS; under ESM its factory may sit on `.default`.
const uni = ((uniModule as unknown as { default?: typeof uniModule }).default ?? uniModule) as typeof uniModule;

/**
 * Mini-program builds name every component file after its path relative to `src/`. In this npm
 * workspace, wot-design-uni is hoisted to the repo root, so that path is
 * `../../node_modules/wot-design-uni/…`; uni only folds a single `../node_modules` into its
 * `node-modules/` output folder and rollup then rejects the leftover `../` ("patterns can be
 * neither absolute nor relative paths"). Folding any leading run of `../` keeps hoisted packages
 * under `node-modules/` in the output, exactly where a non-workspace project would put them.
 */
function foldHoistedNodeModules(): void {
  const require = createRequire(import.meta.url);
  const utils = require('@dcloudio/uni-cli-shared/dist/utils.js') as {
    normalizeNodeModules: (str: string) => string;
    normalizeMiniProgramFilename: (filename: string, inputDir?: string) => string;
    __scrmPatched?: boolean;
  };
  if (utils.__scrmPatched) return;
  const original = utils.normalizeNodeModules;
  const fold = (str: string) => original(str.replace(/\\/g, '/').replace(/^(\.\.\/)+node_modules\//, 'node_modules/'));
  utils.normalizeNodeModules = fold;
  utils.normalizeMiniProgramFilename = (filename, inputDir) => {
    return fold(inputDir && path.isAbsolute(filename) ? path.relative(inputDir, filename) : filename);
  };
  utils.__scrmPatched = true;
}

if (process.env.UNI_PLATFORM?.startsWith('mp-')) foldHoistedNodeModules();

/**
 * vue-i18n 9.9.1's runtime-only build with our message compiler, on every platform.
 *
 * - H5: uni resolves `vue-i18n` to the full build (parser + code generator, ~6 KB gzip, and
 *   legacy-API code we never use) — too heavy for the first-screen chunk.
 * - Mini program: uni's mp plugin aliases `vue-i18n` to its own 9.1.9 runtime, whose composer
 *   hard-codes `messageCompiler: (msg) => (ctx) => ctx.normalize([msg])` and ignores ours, so
 *   `{name}` placeholders and `a | b` plurals came out literally.
 *
 * Our texts are compiled by `src/locale/compile.ts` (passed as `messageCompiler`; no `new
 * Function`, which mini programs forbid), so the runtime-only build suffices. The flags drop the
 * legacy API, the global <i18n-t>-style components and the JIT compiler path. This plugin's
 * `config` runs after uni's (`post`), and vite puts a later config's aliases first, so this alias
 * wins over uni's (H5 resolver and mp `resolve.alias` alike); a `post` plugin's define also wins
 * over uni's (which turns the legacy API on). `scripts/check-mp-i18n.mjs` checks the mp output.
 */
function i18nRuntimeOnly(): Plugin {
  const require = createRequire(import.meta.url);
  const runtime = path.join(path.dirname(require.resolve('vue-i18n/package.json')), 'dist/vue-i18n.runtime.mjs');
  return {
    name: 'scrm:i18n-runtime-only',
    enforce: 'post',
    config: () => ({
      resolve: { alias: [{ find: /^vue-i18n$/, replacement: runtime }] },
      define: {
        __VUE_I18N_LEGACY_API__: 'false',
        __VUE_I18N_FULL_INSTALL__: 'false',
        __INTLIFY_JIT_COMPILATION__: 'false',
        __INTLIFY_DROP_MESSAGE_COMPILER__: 'true',
        __INTLIFY_PROD_DEVTOOLS__: 'false',
      },
    }),
  };
}

export default defineConfig({
  base: '/',
  plugins: [uni(), i18nRuntimeOnly()],
  server: {
    // During `npm run dev:h5` the API runs separately; proxy it so the H5 stays same-origin.
    proxy: {
      '/api': { target: process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000', changeOrigin: true },
      '/auth': { target: process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
});
