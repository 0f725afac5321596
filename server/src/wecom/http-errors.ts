import { AppError } from '../http/errors';
import { WecomApiError, WecomConfigError, WecomRateLimitError, WecomTransportError } from './errors';

/** Maps WeCom failures to client errors: config → 503 naming the setting, rate limit → 429, others → 502-like 503. */
export function toAppError(err: unknown): unknown {
  if (err instanceof WecomConfigError) return new AppError(503, 'wecom_misconfigured', '企业微信应用凭证无效，请管理员检查 WECOM_CORP_ID / WECOM_SECRET');
  if (err instanceof WecomRateLimitError) return new AppError(429, 'wecom_rate_limited', '企业微信接口调用太频繁，请稍后再试');
  if (err instanceof WecomApiError) return new AppError(503, 'wecom_error', `企业微信接口出错（错误码 ${err.errcode}），请稍后再试`);
  if (err instanceof WecomTransportError) return new AppError(503, 'wecom_unavailable', '暂时无法连接企业微信，请稍后再试');
  return err;
}
