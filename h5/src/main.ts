import { createSSRApp } from 'vue';
import * as Pinia from 'pinia';
import App from './App.vue';
import { i18n } from './locale/i18n';

/** uni-app's entry: it calls createApp() itself (SSR-style factory is required by its runtime). */
export function createApp() {
  const app = createSSRApp(App);
  app.use(Pinia.createPinia());
  app.use(i18n);
  return { app, Pinia };
}
