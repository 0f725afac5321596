import { describe, expect, it } from 'vitest';
import { oauthRecentlyAttempted, OAUTH_RETRY_AFTER_MS, planSignIn } from './sign-in-plan';
import { safeRedirect } from '@/navigation';

const demo = { devLogin: true, oauthStartPath: '/auth/wecom/start' };
const production = { devLogin: false, oauthStartPath: '/auth/wecom/start' };

describe('planSignIn', () => {
  it('sends WeCom H5 through OAuth with the page to come back to, even when dev login exists', () => {
    expect(planSignIn('wecom-h5', demo, '/pages/customers/customers?scope=team')).toEqual({
      kind: 'wecom-oauth',
      url: '/auth/wecom/start?redirect=%2Fpages%2Fcustomers%2Fcustomers%3Fscope%3Dteam',
    });
  });

  it('uses wx.qy.login in the mini program', () => {
    expect(planSignIn('wecom-mp', production, '/pages/workbench/workbench')).toEqual({ kind: 'wecom-mp' });
  });

  it('offers the demo picker in a plain browser only when the server allows dev login', () => {
    expect(planSignIn('browser', demo, '/')).toEqual({ kind: 'dev-picker' });
    expect(planSignIn('browser', production, '/')).toEqual({ kind: 'open-in-wecom' });
  });
});

describe('oauthRecentlyAttempted', () => {
  it('stops a second OAuth hop within the retry window only', () => {
    const now = 1_000_000;
    expect(oauthRecentlyAttempted(now - 1000, now)).toBe(true);
    expect(oauthRecentlyAttempted(now - OAUTH_RETRY_AFTER_MS, now)).toBe(false);
    expect(oauthRecentlyAttempted('', now)).toBe(false);
    expect(oauthRecentlyAttempted(now + 5000, now)).toBe(false);
  });
});

describe('safeRedirect', () => {
  it('keeps in-app pages, encoded or not', () => {
    expect(safeRedirect('/pages/customers/customers?id=3')).toBe('/pages/customers/customers?id=3');
    expect(safeRedirect('%2Fpages%2Fme%2Fme')).toBe('/pages/me/me');
  });

  it('falls back to the workbench for anything that could leave the app or loop', () => {
    for (const bad of ['https://evil.example/pages/x', '//evil.example', '/pages/login/login', 'javascript:alert(1)', '', undefined, '%E0%A4%A']) {
      expect(safeRedirect(bad)).toBe('/pages/workbench/workbench');
    }
  });
});
