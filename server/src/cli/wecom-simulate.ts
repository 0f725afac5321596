/**
 * Demo helper talking to a running WeCom emulator (WECOM_API_BASE, default http://127.0.0.1:3100):
 *   npm run wecom:simulate -- add-contact --user demo.rep1 --name 王总 --corp 某某科技
 * adds a chat partner in the emulator and pushes the encrypted add_external_contact callback to the server.
 */
import { parseArgs } from 'node:util';

const [command, ...rest] = process.argv.slice(2);
const { values } = parseArgs({
  args: rest,
  options: { user: { type: 'string' }, name: { type: 'string' }, corp: { type: 'string' }, state: { type: 'string' } },
  allowPositionals: true,
});
const base = (process.env.WECOM_EMULATOR_URL ?? process.env.WECOM_API_BASE ?? 'http://127.0.0.1:3100').replace(/\/$/, '');

function fail(msg: string): never {
  process.stderr.write(`${msg}\n`);
  process.exit(1);
}

if (command !== 'add-contact') fail('用法：npm run wecom:simulate -- add-contact --user demo.rep1 --name 王总 [--corp 某某科技]');
if (!values.user || !values.name) fail('缺少 --user 或 --name');
let res: Response;
try {
  res = await fetch(`${base}/_emulator/add-contact`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ userid: values.user, name: values.name, corpName: values.corp, state: values.state }),
  });
} catch {
  fail(`无法连接企业微信模拟器 ${base}（先启动 tsx src/wecom/emulator/main.ts，或设置 WECOM_API_BASE）`);
}
const out = (await res.json()) as { ok: boolean; externalUserId?: string; callbackStatus?: number; error?: string };
if (!out.ok) fail(`失败：${out.error ?? `服务器回调返回 ${out.callbackStatus}`}`);
process.stdout.write(`已添加外部联系人 ${values.name}（${out.externalUserId}），${values.user} 的侧边栏现在可以看到 TA\n`);
