/** Where the app runs; decides which SDK answers the calls below. */
export type PlatformKind = 'wecom-h5' | 'wecom-mp' | 'browser';

/** How the page was opened: from a chat toolbar, a contact profile, the workbench… */
export type EntryType = 'single_chat_tools' | 'group_chat_tools' | 'contact_profile' | 'normal' | (string & {});

export interface PlatformContext {
  entry: EntryType;
}

export interface GeoPoint {
  latitude: number;
  longitude: number;
  /** Metres, when the platform reports it. */
  accuracy?: number;
}

/**
 * A picked photo: inside WeCom H5 it is already uploaded to WeCom (the server fetches the media
 * id, valid 3 days); elsewhere it is a local file the caller uploads to our server.
 */
export type PickedImage = { kind: 'wecom-media'; serverId: string } | { kind: 'file'; filePath: string };

/**
 * Everything the app needs from its host. One implementation per host, picked once in
 * `platform/index.ts`; pages never ask which host they are on.
 */
export interface Platform {
  kind: PlatformKind;
  /** Registers with the host SDK (signatures etc.); other calls wait for it. */
  init(): Promise<void>;
  getContext(): Promise<PlatformContext>;
  /** The external contact of the current single chat (chat toolbar / contact profile). */
  getCurExternalContact(): Promise<{ externalUserId: string }>;
  /** The external group of the current group chat. */
  getCurExternalChat(): Promise<{ chatId: string }>;
  getLocation(): Promise<GeoPoint>;
  chooseAndUploadImage(): Promise<PickedImage>;
  /** Puts text into the current chat (WeCom), or hands it to the user another way (browser). */
  sendChatMessage(text: string): Promise<void>;
}

export type PlatformErrorCode = 'unsupported' | 'cancelled' | 'no_context' | 'denied' | 'failed';

/** A host call that did not work; `code` lets UI choose a message without parsing SDK strings. */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  constructor(
    readonly code: PlatformErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** Maps SDK failure messages (`xxx:fail cancel`, `…permission denied`) to a PlatformError. */
export function toPlatformError(error: unknown): PlatformError {
  if (error instanceof PlatformError) return error;
  const message =
    typeof error === 'object' && error !== null && 'errMsg' in error && typeof error.errMsg === 'string'
      ? error.errMsg
      : error instanceof Error
        ? error.message
        : String(error);
  if (/cancel/i.test(message)) return new PlatformError('cancelled', message);
  if (/denied|permission|no permission/i.test(message)) return new PlatformError('denied', message);
  return new PlatformError('failed', message);
}
