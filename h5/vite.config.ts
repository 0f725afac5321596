import { createRequire } from 'node:module';
import path from 'node:path';
import { defineConfig } from 'vite';
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

export default defineConfig({
  base: '/',
  plugins: [uni()],
  server: {
    // During `npm run dev:h5` the API runs separately; proxy it so the H5 stays same-origin.
    proxy: {
      '/api': { target: process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000', changeOrigin: true },
      '/auth': { target: process.env.API_PROXY_TARGET ?? 'http://127.0.0.1:3000', changeOrigin: true },
    },
  },
});
