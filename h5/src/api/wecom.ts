import { request } from './request';

export interface JsSdkSignature {
  timestamp: string | number;
  nonceStr: string;
  signature: string;
}

export interface JsSdkConfig {
  corpId: string;
  agentId: string;
  config: JsSdkSignature;
  agentConfig: JsSdkSignature;
}

/** `GET /api/wecom/jssdk-config`: corp and app signatures for the page URL (without `#…`). */
export function getJsSdkConfig(url: string): Promise<JsSdkConfig> {
  return request<JsSdkConfig>('/api/wecom/jssdk-config', { query: { url } });
}
