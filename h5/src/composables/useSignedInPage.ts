import { onShow } from '@dcloudio/uni-app';
import { storeToRefs } from 'pinia';
import { goToLogin } from '@/navigation';
import { useSessionStore } from '@/stores/session';

/**
 * For pages that need a signed-in user: resolves the session on show and sends the user to
 * sign-in (with a way back) when there is none. A network failure keeps the user on the page
 * so it can show the error and a retry instead of bouncing to login.
 */
export function useSignedInPage() {
  const session = useSessionStore();
  const { me, status, lastError } = storeToRefs(session);

  async function check(): Promise<void> {
    await session.ensure();
    if (session.status === 'signedOut') goToLogin();
  }

  onShow(() => {
    void check();
  });

  return { me, status, lastError, retry: check };
}
