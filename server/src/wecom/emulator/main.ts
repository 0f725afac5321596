/**
 * Runs the WeCom emulator for the demo: `tsx src/wecom/emulator/main.ts`.
 * Env: WECOM_EMULATOR_PORT (default 3100), WECOM_CORP_ID / WECOM_AGENT_ID / WECOM_SECRET /
 * WECOM_TOKEN / WECOM_ENCODING_AES_KEY (demo defaults), WECOM_CALLBACK_URL (default
 * http://127.0.0.1:$PORT/wecom/callback). Point the server's WECOM_API_BASE at the printed URL.
 */
import { DEMO_AGENT_ID, DEMO_CORP_ID, DEMO_SECRET } from '../../config';
import { SAMPLE_CALLBACK_TOKEN, SAMPLE_ENCODING_AES_KEY } from '../crypto';
import { startWecomEmulator } from './index';

const env = process.env;
const emulator = await startWecomEmulator({
  port: Number(env.WECOM_EMULATOR_PORT ?? 3100),
  host: env.WECOM_EMULATOR_HOST ?? '127.0.0.1',
  corpId: env.WECOM_CORP_ID ?? DEMO_CORP_ID,
  agentId: env.WECOM_AGENT_ID ?? DEMO_AGENT_ID,
  corpSecret: env.WECOM_SECRET ?? DEMO_SECRET,
  token: env.WECOM_TOKEN ?? SAMPLE_CALLBACK_TOKEN,
  encodingAesKey: env.WECOM_ENCODING_AES_KEY ?? SAMPLE_ENCODING_AES_KEY,
  callbackUrl: env.WECOM_CALLBACK_URL ?? `http://127.0.0.1:${env.PORT ?? 3000}/wecom/callback`,
  seedDemo: true,
});
process.stdout.write(`WeCom emulator ready at ${emulator.url}\n`);
const stop = () => void emulator.close().then(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
