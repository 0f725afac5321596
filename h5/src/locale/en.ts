import type { MessageSchema } from './zh-Hans';

/** English: must carry every key of the Chinese schema (the compiler checks it). */
const en: MessageSchema = {
  app: { name: 'WeCom SCRM' },
  tabbar: { workbench: 'Workbench', customers: 'Customers', opportunities: 'Deals', me: 'Me' },
  pageTitle: { login: 'Sign in' },
  common: {
    loading: 'Loading…',
    retry: 'Retry',
    confirm: 'OK',
    cancel: 'Cancel',
    loadFailed: 'Failed to load: {message}',
    networkError: 'Network error, please check your connection and retry',
  },
  roles: { admin: 'Admin', manager: 'Sales manager', rep: 'Sales rep', finance: 'Finance' },
  login: {
    title: 'Sign in to WeCom SCRM',
    pickDemoUser: 'Pick a demo account',
    demoHint: 'Demo environment: tap an account to sign in, no password needed.',
    leader: 'Leader',
    noDepartment: 'No department',
    signingIn: 'Signing in…',
    redirectingWeCom: 'Redirecting to WeCom authorization…',
    openInWeCom: 'Please open this app inside WeCom.',
    noDevUsers: 'No demo accounts available',
    failed: 'Sign-in failed: {message}',
    oauthLoop: 'WeCom authorization did not succeed, please try again later.',
  },
  workbench: {
    greeting: 'Hello, {name}',
    roleLine: 'Role: {role}',
    shortcuts: 'Shortcuts',
    customers: 'My customers',
    opportunities: 'My deals',
  },
  customers: { empty: 'No customers yet', emptyHint: 'Tap + to add one, or claim one from the pool' },
  opportunities: { empty: 'No deals yet', emptyHint: 'Create one from a customer or the chat sidebar' },
  me: {
    name: 'Name',
    role: 'Role',
    departments: 'Departments',
    noDepartment: 'No department',
    language: 'Language',
    logout: 'Sign out',
    logoutConfirmTitle: 'Sign out',
    logoutConfirm: 'Do you want to sign out?',
    loggedOut: 'Signed out',
    logoutFailed: 'Sign-out failed: {message}',
  },
  language: { 'zh-Hans': '中文', en: 'English' },
};

export default en;
