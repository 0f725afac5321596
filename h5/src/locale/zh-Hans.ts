/** Simplified Chinese: the default UI language. Its shape is the schema every other locale must follow. */
const zhHans = {
  app: { name: '企微 SCRM' },
  tabbar: { workbench: '工作台', customers: '客户', opportunities: '商机', me: '我的' },
  pageTitle: { login: '登录' },
  common: {
    loading: '加载中…',
    retry: '重试',
    confirm: '确定',
    cancel: '取消',
    loadFailed: '加载失败：{message}',
    networkError: '网络异常，请检查网络后重试',
  },
  roles: { admin: '管理员', manager: '销售经理', rep: '销售', finance: '财务' },
  login: {
    title: '登录企微 SCRM',
    pickDemoUser: '选择演示账号登录',
    demoHint: '演示环境：点选一个账号即可登录，无需密码。',
    leader: '负责人',
    noDepartment: '未分配部门',
    signingIn: '正在登录…',
    redirectingWeCom: '正在跳转企业微信授权…',
    openInWeCom: '请在企业微信中打开本应用。',
    noDevUsers: '没有可用的演示账号',
    failed: '登录失败：{message}',
    oauthLoop: '企业微信授权未成功，请稍后重试。',
  },
  workbench: {
    greeting: '你好，{name}',
    roleLine: '当前角色：{role}',
    shortcuts: '常用功能',
    customers: '我的客户',
    opportunities: '我的商机',
  },
  customers: { empty: '暂无客户', emptyHint: '点右下角 ＋ 新建客户，或到公海领取' },
  opportunities: { empty: '暂无商机', emptyHint: '可在客户详情或聊天侧边栏中新建商机' },
  me: {
    name: '姓名',
    role: '角色',
    departments: '部门',
    noDepartment: '未分配部门',
    language: '语言',
    logout: '退出登录',
    logoutConfirmTitle: '退出登录',
    logoutConfirm: '确定要退出登录吗？',
    loggedOut: '已退出登录',
    logoutFailed: '退出失败：{message}',
  },
  language: { 'zh-Hans': '中文', en: 'English' },
};

export type MessageSchema = typeof zhHans;
export default zhHans;
