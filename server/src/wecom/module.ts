import type { AppModule } from '../modules/types';
import { adminRoutes } from './admin-routes';
import { callbackRoutes } from './callback-routes';
import { startInboxWorker } from './inbox';
import { jssdkRoutes } from './jssdk';
import { startOutboxWorker } from './outbox-worker';
import { signinRoutes } from './signin';
import './handlers/external-contact';
import './handlers/org';
import './handlers/chat';
import './handlers/cards';

/** The WeCom platform: callbacks (durable inbox), sign-in, JS-SDK, outbox, admin tools. */
export const wecomModule: AppModule = {
  name: 'wecom',
  routes: [...callbackRoutes, ...signinRoutes, ...jssdkRoutes, ...adminRoutes],
  startWorkers: (deps) => {
    if (deps.config.mode === 'production' && (!deps.config.wecom.token || !deps.config.wecom.encodingAesKey)) {
      deps.logger.warn('WECOM_TOKEN / WECOM_ENCODING_AES_KEY unset: /wecom/callback refuses callbacks');
    }
    return [startInboxWorker(deps), startOutboxWorker(deps)];
  },
};
