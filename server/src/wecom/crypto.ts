import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { decrypt, encrypt, getSignature } from '@wecom/crypto';
import { XMLParser } from 'fast-xml-parser';

/** Callback credentials: token, EncodingAESKey, and the corp id every message must be addressed to. */
export interface CallbackKeys {
  token: string;
  encodingAesKey: string;
  corpId: string;
}

/** Why a callback is refused (→ 401, nothing stored). */
export class CallbackRejected extends Error {}

const parser = new XMLParser({
  ignoreAttributes: true,
  // Keep every value a string (ids like 1000002 or 0123 must not become numbers).
  parseTagValue: false,
  trimValues: true,
  cdataPropName: false,
  processEntities: true,
});

/** Parses `<xml>…</xml>` into its fields; CDATA and bare values read the same. */
export function parseCallbackXml(xml: string): Record<string, any> {
  let doc: unknown;
  try {
    doc = parser.parse(xml);
  } catch {
    throw new CallbackRejected('malformed xml');
  }
  const root = (doc as { xml?: unknown } | undefined)?.xml;
  if (!root || typeof root !== 'object') throw new CallbackRejected('no <xml> root');
  return root as Record<string, any>;
}

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Checks msg_signature over (token, timestamp, nonce, encrypt), decrypts, and checks the receiveid. */
export function verifyAndDecrypt(keys: CallbackKeys, q: { msg_signature?: string; timestamp?: string; nonce?: string }, encrypted: string): string {
  if (!q.msg_signature || !q.timestamp || !q.nonce || !encrypted) throw new CallbackRejected('missing signature fields');
  const expected = getSignature(keys.token, q.timestamp, q.nonce, encrypted);
  if (!safeEqual(expected, q.msg_signature.toLowerCase())) throw new CallbackRejected('bad signature');
  let out: { message: string; id: string };
  try {
    out = decrypt(keys.encodingAesKey, encrypted);
  } catch {
    throw new CallbackRejected('undecryptable');
  }
  if (out.id !== keys.corpId) throw new CallbackRejected('foreign receiveid');
  return out.message;
}

const cdata = (v: string) => `<![CDATA[${v.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`;

/** Builds `<xml>` from fields: numbers bare, strings in CDATA (as WeCom sends them). */
export function buildXml(fields: Record<string, string | number>): string {
  const body = Object.entries(fields)
    .map(([k, v]) => `<${k}>${typeof v === 'number' ? v : cdata(v)}</${k}>`)
    .join('');
  return `<xml>${body}</xml>`;
}

/** Encrypts and signs a plaintext message as WeCom would post it: query string and body. */
export function sealCallback(keys: CallbackKeys & { agentId?: string }, message: string, opts: { timestamp?: string; nonce?: string } = {}) {
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? String(randomBytes(4).readUInt32BE());
  const encrypted = encrypt(keys.encodingAesKey, message, keys.corpId);
  const signature = getSignature(keys.token, timestamp, nonce, encrypted);
  const body = buildXml({ ToUserName: keys.corpId, Encrypt: encrypted, AgentID: keys.agentId ?? '' });
  const query = new URLSearchParams({ msg_signature: signature, timestamp, nonce }).toString();
  return { query, body, encrypted, signature, timestamp, nonce };
}

/** The dedupe key of a decrypted callback: sha256 of the whole payload. */
export const payloadHash = (message: string) => createHash('sha256').update(message).digest('hex');

/** The official sample token/key: the built-in defaults for demo and test modes. */
export const SAMPLE_CALLBACK_TOKEN = 'QDG6eK';
export const SAMPLE_ENCODING_AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
