import { vi } from 'vitest';

/** What a fake `uni.request` should answer. */
export type FakeAnswer = { statusCode: number; data: unknown } | { fail: string };

export interface FakeUni {
  storage: Map<string, unknown>;
  requests: UniApp.RequestOptions[];
  answer: (options: UniApp.RequestOptions) => FakeAnswer;
}

/**
 * Installs an in-memory `uni` global with the few APIs the logic under test calls: storage and
 * request. Returns handles to inspect what was sent and to script the answers.
 */
export function installFakeUni(): FakeUni {
  const fake: FakeUni = {
    storage: new Map(),
    requests: [],
    answer: () => ({ statusCode: 200, data: {} }),
  };
  const uni = {
    getStorageSync: (key: string) => (fake.storage.has(key) ? fake.storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void fake.storage.set(key, value),
    removeStorageSync: (key: string) => void fake.storage.delete(key),
    request: (options: UniApp.RequestOptions) => {
      fake.requests.push(options);
      const answer = fake.answer(options);
      queueMicrotask(() => {
        if ('fail' in answer) options.fail?.({ errMsg: answer.fail } as UniApp.GeneralCallbackResult);
        else options.success?.({ statusCode: answer.statusCode, data: answer.data, header: {}, cookies: [] } as UniApp.RequestSuccessCallbackResult);
      });
    },
  };
  vi.stubGlobal('uni', uni);
  return fake;
}
