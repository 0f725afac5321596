import { i18n } from './i18n';

/** 聊天侧边栏 texts, merged in on first use (kept apart so the sidebar's first screen stays small). */
const zh = {
  title: '客户信息',
  loading: '正在读取聊天对象…',
  noChat: '请在与客户的单聊或客户群的聊天工具栏中打开',
  noChatHint: '演示：在地址后加 ?entry=single_chat_tools&externalUserId=wm_demo_rep1_1',
  notFound: '企业微信联系人尚未同步到系统，请稍后重试',
  wechat: '微信',
  wecomUser: '企业微信',
  owner: '负责人',
  pool: '公海',
  grade: '等级',
  noGrade: '未分级',
  stats: { followUps: '跟进次数', openDeals: '进行中商机', won: '赢单金额', received: '已回款' },
  lastFollowUp: '最近跟进',
  nextFollowUp: '下次跟进',
  never: '暂无',
  contacts: '联系人',
  keyDecisionMaker: '关键决策人',
  opportunities: '进行中的商机',
  noOpportunities: '暂无进行中的商机',
  newOpportunity: '新建商机',
  followUps: '最近跟进',
  noFollowUps: '还没有跟进记录',
  quick: { detail: '客户详情', visit: '计划拜访', call: '打电话', sendCard: '发送名片' },
  cardMessage: '您好，我是{name}，有任何问题随时联系我。',
  followUp: {
    title: '写跟进',
    placeholder: '聊了什么？客户的需求、顾虑、下一步…',
    nextDate: '下次跟进',
    pickDate: '选择日期',
    clearDate: '清除',
    submit: '保存跟进',
    saved: '跟进已保存',
    empty: '请填写跟进内容',
  },
  unbound: {
    title: '该联系人尚未关联客户',
    hint: '关联后，聊天时即可看到客户资料和跟进记录',
    bind: '关联已有客户',
    create: '新建客户',
    lead: '先存为线索',
    leadDone: '已存为线索',
  },
  boundElsewhere: '该联系人已关联客户，负责人：{owner}',
  lead: { title: '线索', status: { active: '跟进中', converted: '已转换', discarded: '已废弃' }, toCustomer: '转为客户' },
  bind: {
    title: '关联已有客户',
    search: '搜索客户名称、联系人、手机号',
    contacts: '联系人',
    customers: '客户（新增为联系人）',
    asContact: '关联此联系人',
    none: '没有找到匹配的客户或联系人',
    done: '已关联',
  },
  create: {
    title: '新建客户',
    customerName: '客户名称',
    contactName: '联系人',
    mobile: '手机号',
    position: '职务',
    submit: '创建并关联',
    done: '客户已创建',
    nameRequired: '请填写客户名称',
  },
  group: {
    unbound: '该客户群尚未关联客户',
    bind: '关联客户',
    done: '客户群已关联',
    chat: '客户群',
  },
  back: '返回',
};
type SidebarMessages = typeof zh;

const en: SidebarMessages = {
  title: 'Customer',
  loading: 'Reading the chat…',
  noChat: 'Open this page from the chat toolbar of a customer chat or group',
  noChatHint: 'Demo: add ?entry=single_chat_tools&externalUserId=wm_demo_rep1_1 to the address',
  notFound: 'This WeCom contact has not been synced yet, try again shortly',
  wechat: 'WeChat',
  wecomUser: 'WeCom',
  owner: 'Owner',
  pool: 'Pool',
  grade: 'Grade',
  noGrade: 'No grade',
  stats: { followUps: 'Follow-ups', openDeals: 'Open deals', won: 'Won', received: 'Received' },
  lastFollowUp: 'Last follow-up',
  nextFollowUp: 'Next follow-up',
  never: 'None',
  contacts: 'Contacts',
  keyDecisionMaker: 'Decision maker',
  opportunities: 'Open deals',
  noOpportunities: 'No open deals',
  newOpportunity: 'New deal',
  followUps: 'Recent follow-ups',
  noFollowUps: 'No follow-ups yet',
  quick: { detail: 'Details', visit: 'Plan visit', call: 'Call', sendCard: 'Send card' },
  cardMessage: 'Hello, this is {name}. Feel free to contact me any time.',
  followUp: {
    title: 'Log follow-up',
    placeholder: 'What did you talk about? Needs, concerns, next step…',
    nextDate: 'Next follow-up',
    pickDate: 'Pick a date',
    clearDate: 'Clear',
    submit: 'Save follow-up',
    saved: 'Follow-up saved',
    empty: 'Enter what happened',
  },
  unbound: {
    title: 'Not linked to a customer yet',
    hint: 'Link it to see the customer and follow-ups while chatting',
    bind: 'Link existing customer',
    create: 'New customer',
    lead: 'Keep as lead',
    leadDone: 'Kept as a lead',
  },
  boundElsewhere: 'Linked to a customer owned by {owner}',
  lead: { title: 'Lead', status: { active: 'Active', converted: 'Converted', discarded: 'Discarded' }, toCustomer: 'Make customer' },
  bind: {
    title: 'Link existing customer',
    search: 'Search customer, contact, phone',
    contacts: 'Contacts',
    customers: 'Customers (add as contact)',
    asContact: 'Link this contact',
    none: 'Nothing matches',
    done: 'Linked',
  },
  create: {
    title: 'New customer',
    customerName: 'Customer name',
    contactName: 'Contact',
    mobile: 'Mobile',
    position: 'Title',
    submit: 'Create and link',
    done: 'Customer created',
    nameRequired: 'Enter the customer name',
  },
  group: {
    unbound: 'This group is not linked to a customer',
    bind: 'Link customer',
    done: 'Group linked',
    chat: 'Customer group',
  },
  back: 'Back',
};

/** Follow-up type names (codes of `FOLLOW_UP_TYPES`), shared by the sidebar and the customer pages. */
const followUpTypes = {
  zh: { phone: '电话', wechat: '微信', visit: '拜访', meeting: '会议', email: '邮件', other: '其他' },
  en: { phone: 'Phone', wechat: 'WeChat', visit: 'Visit', meeting: 'Meeting', email: 'Email', other: 'Other' },
};

/** Kept here (not imported from @scrm/shared) so the sidebar doesn't load zod on its first screen. */
export const FOLLOW_UP_TYPE_CODES = ['wechat', 'phone', 'visit', 'meeting', 'email', 'other'] as const;

let merged = false;

/** Adds the sidebar texts to both locales once (call before the first `t('sidebar.…')`). */
export function ensureSidebarMessages(): void {
  if (merged) return;
  merged = true;
  i18n.global.mergeLocaleMessage('zh-Hans', { sidebar: zh, followUpType: followUpTypes.zh } as never);
  i18n.global.mergeLocaleMessage('en', { sidebar: en, followUpType: followUpTypes.en } as never);
}
