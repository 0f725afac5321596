/// <reference types="vite/client" />

interface ImportMetaEnv {
  /** API origin for the mini program (H5 is served by the API itself and leaves it empty). */
  readonly VITE_API_BASE?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}

declare module '*.vue' {
  import type { DefineComponent } from 'vue';
  const component: DefineComponent<object, object, unknown>;
  export default component;
}
