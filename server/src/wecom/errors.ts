/** A WeCom API answer with a non-zero errcode. The message never contains secrets or tokens. */
export class WecomApiError extends Error {
  constructor(
    readonly path: string,
    readonly errcode: number,
    readonly errmsg: string,
  ) {
    super(`WeCom ${path} failed: errcode ${errcode} ${errmsg.replace(/access_token=\S+/g, 'access_token=…')}`);
    this.name = 'WecomApiError';
  }
}

/** 40001 / 40013 / 48002…: the corp id or secret is wrong; retrying cannot help. */
export class WecomConfigError extends WecomApiError {
  constructor(path: string, errcode: number, errmsg: string) {
    super(path, errcode, errmsg);
    this.name = 'WecomConfigError';
    this.message = `WeCom rejected the app credentials (errcode ${errcode}): check WECOM_CORP_ID and WECOM_SECRET`;
  }
}

/** 45009 and friends: WeCom's frequency limit; callers back off. */
export class WecomRateLimitError extends WecomApiError {
  constructor(
    path: string,
    errcode: number,
    errmsg: string,
    readonly retryAfterMs = 60_000,
  ) {
    super(path, errcode, errmsg);
    this.name = 'WecomRateLimitError';
  }
}

/** The network or WeCom itself failed (timeout, 5xx, not JSON); retriable. */
export class WecomTransportError extends Error {
  constructor(
    readonly path: string,
    cause: unknown,
  ) {
    super(`WeCom ${path} unreachable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'WecomTransportError';
  }
}

/** Token errors: drop the cached token, fetch a new one once, retry once. */
export const TOKEN_INVALID_CODES = new Set([40014, 42001, 41001]);
export const CONFIG_ERROR_CODES = new Set([40001, 40013, 40056, 40091]);
export const RATE_LIMIT_CODES = new Set([45009, 45033, 45011]);

/** Builds the typed error for an errcode. */
export function wecomError(path: string, errcode: number, errmsg: string): WecomApiError {
  if (CONFIG_ERROR_CODES.has(errcode)) return new WecomConfigError(path, errcode, errmsg);
  if (RATE_LIMIT_CODES.has(errcode)) return new WecomRateLimitError(path, errcode, errmsg);
  return new WecomApiError(path, errcode, errmsg);
}
