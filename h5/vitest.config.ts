import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

/**
 * The h5 project of the root vitest run: pure logic only (request error mapping, locale, sign-in
 * planning, the browser shim's query parsing). uni's runtime is not booted; tests that touch
 * `uni.*` install a small in-memory stand-in (src/test/fake-uni.ts).
 */
export default defineProject({
  resolve: {
    alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) },
  },
  test: {
    name: 'h5',
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['src/**/*.test.ts'],
    environment: 'node',
  },
});
