import { z } from 'zod';

export const APP_MODES = ['production', 'demo', 'test'] as const;
export type AppMode = (typeof APP_MODES)[number];

/** Public facts the front end needs before sign-in (`GET /api/app-info`, no session needed). */
export const appInfoResponse = z.object({
  mode: z.enum(APP_MODES),
  corpId: z.string(),
  agentId: z.string(),
  devLogin: z.boolean(),
  oauthStartPath: z.string(),
});
export type AppInfo = z.infer<typeof appInfoResponse>;
