/** Where the bearer token lives: uni storage works the same on H5 (localStorage) and in the mini program. */
const TOKEN_KEY = 'scrm.token';

export function getToken(): string {
  const value: unknown = uni.getStorageSync(TOKEN_KEY);
  return typeof value === 'string' ? value : '';
}

export function setToken(token: string): void {
  uni.setStorageSync(TOKEN_KEY, token);
}

export function clearToken(): void {
  uni.removeStorageSync(TOKEN_KEY);
}
