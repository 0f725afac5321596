#!/usr/bin/env node
/**
 * `vue-tsc --noEmit` for the H5 app, reporting only our own files.
 *
 * wot-design-uni ships its components as .vue/.ts sources, so the compiler checks them with our
 * strict settings (noUncheckedIndexedAccess…) and finds hundreds of issues we can neither fix
 * nor silence with skipLibCheck (which covers .d.ts only). Our templates are still checked
 * against those real component types; only diagnostics located inside node_modules are dropped.
 */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const project = resolve(here, '..');
const require = createRequire(import.meta.url);
const vueTsc = require.resolve('vue-tsc/bin/vue-tsc.js');

const run = spawnSync(process.execPath, [vueTsc, '--noEmit', '--pretty', 'false', '-p', 'tsconfig.json'], {
  cwd: project,
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
if (run.error) throw run.error;

// A diagnostic starts at column 0 with `file(line,col): error TS…`; indented lines continue it.
const blocks = [];
for (const line of `${run.stdout}${run.stderr}`.split('\n')) {
  if (line === '') continue;
  if (/^\s/.test(line) && blocks.length > 0) blocks[blocks.length - 1].push(line);
  else blocks.push([line]);
}
const ours = blocks.filter((block) => !/(^|[\\/])node_modules[\\/]/.test(block[0]));
const hidden = blocks.length - ours.length;

if (ours.length > 0) {
  process.stderr.write(`${ours.map((b) => b.join('\n')).join('\n')}\n`);
  process.stderr.write(`h5 typecheck: ${ours.length} error(s) in h5 sources (${hidden} in node_modules ignored)\n`);
  process.exit(1);
}
if (run.status !== 0 && hidden === 0) {
  // vue-tsc failed without any diagnostic we could attribute: surface it rather than pass silently.
  process.stderr.write(`vue-tsc exited with ${run.status}\n`);
  process.exit(run.status ?? 1);
}
process.stdout.write(`h5 typecheck: ok (${hidden} diagnostic(s) inside node_modules ignored)\n`);
