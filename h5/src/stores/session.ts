import { defineStore } from 'pinia';
import { computed, ref } from 'vue';
import type { Me } from '@scrm/shared';
import * as authApi from '@/api/auth';
import { isApiError } from '@/api/errors';
import { clearToken, getToken, setToken } from '@/api/token';

export type SessionStatus = 'unknown' | 'loading' | 'signedIn' | 'signedOut' | 'error';

/**
 * Who is signed in. The session itself is either a bearer token in storage (dev login, mini
 * program) or the HTTP-only cookie set by WeCom OAuth (H5 in WeCom); `/api/me` accepts both, so
 * asking it is the only reliable way to know.
 */
export const useSessionStore = defineStore('session', () => {
  const me = ref<Me | null>(null);
  const status = ref<SessionStatus>('unknown');
  const lastError = ref<unknown>(null);
  let inFlight: Promise<Me | null> | null = null;

  const signedIn = computed(() => status.value === 'signedIn' && me.value !== null);

  async function loadMe(): Promise<Me | null> {
    status.value = 'loading';
    try {
      me.value = await authApi.getMe();
      status.value = 'signedIn';
      lastError.value = null;
    } catch (error) {
      me.value = null;
      if (isApiError(error) && error.status === 401) {
        clearToken();
        status.value = 'signedOut';
      } else {
        status.value = 'error';
        lastError.value = error;
      }
    }
    return me.value;
  }

  /** Resolves the session once; concurrent callers (several pages on launch) share one request. */
  function ensure(): Promise<Me | null> {
    if (status.value === 'signedIn') return Promise.resolve(me.value);
    if (!inFlight) {
      inFlight = loadMe().finally(() => {
        inFlight = null;
      });
    }
    return inFlight;
  }

  async function signInWithToken(token: string): Promise<Me | null> {
    setToken(token);
    return loadMe();
  }

  async function signInAsDevUser(wecomUserId: string): Promise<Me | null> {
    const { token } = await authApi.devLogin(wecomUserId);
    return signInWithToken(token);
  }

  async function signInWithMpCode(code: string): Promise<Me | null> {
    const { token } = await authApi.mpLogin(code);
    return signInWithToken(token);
  }

  /**
   * Revokes the session on the server, then forgets it locally. A failure other than 401 keeps the
   * session and rejects: with a cookie session, forgetting locally alone would sign the user
   * straight back in on the next page.
   */
  async function signOut(): Promise<void> {
    try {
      await authApi.logout();
    } catch (error) {
      if (!(isApiError(error) && error.status === 401)) throw error;
    }
    forget();
  }

  /** Drops local state only (used when the server already said 401). */
  function forget(): void {
    clearToken();
    me.value = null;
    status.value = 'signedOut';
  }

  return {
    me,
    status,
    lastError,
    signedIn,
    hasToken: () => getToken() !== '',
    ensure,
    loadMe,
    signInWithToken,
    signInAsDevUser,
    signInWithMpCode,
    signOut,
    forget,
  };
});
