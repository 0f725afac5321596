import { i18n } from './i18n';

/** 汇报 texts, merged into both locales on first use. */
const zh = {
  title: { list: '工作汇报', edit: '写汇报', detail: '汇报详情' },
  types: { daily: '日报', weekly: '周报' },
  write: { daily: '写日报', weekly: '写周报' },
  mine: '我的汇报',
  team: '团队汇报',
  missing: '未提交{type}（{n} 人）',
  allReported: '团队成员都已提交{type}',
  period: '{start} 至 {end}',
  fields: { done: '完成工作', plans: '下一步计划', problems: '问题与需要的支持' },
  placeholders: { done: '今天/本周完成了什么', plans: '接下来要做什么', problems: '遇到的问题（选填）' },
  auto: '自动汇总',
  autoCounts: '跟进 {followUps} · 拜访 {visits} · 新客户 {newCustomers} · 阶段推进 {stageMoves}',
  submit: '提交汇报',
  save: '保存修改',
  submitted: '汇报已提交',
  saved: '已保存',
  exists: '该周期已提交过汇报，已为你打开',
  doneRequired: '请填写完成工作',
  comments: '点评',
  noComments: '还没有点评',
  commentPlaceholder: '写点评…',
  sendComment: '发送',
  empty: '暂无汇报',
  submittedAt: '提交于 {t}',
  edit: '修改',
  loadMore: '加载更多',
};
type ReportMessages = typeof zh;

const en: ReportMessages = {
  title: { list: 'Work reports', edit: 'Write report', detail: 'Report' },
  types: { daily: 'Daily', weekly: 'Weekly' },
  write: { daily: 'Write daily report', weekly: 'Write weekly report' },
  mine: 'My reports',
  team: 'Team reports',
  missing: 'No {type} report yet ({n})',
  allReported: 'Everyone has sent the {type} report',
  period: '{start} to {end}',
  fields: { done: 'Done', plans: 'Plans', problems: 'Problems and help needed' },
  placeholders: { done: 'What you got done', plans: 'What comes next', problems: 'Problems (optional)' },
  auto: 'Auto summary',
  autoCounts: 'Follow-ups {followUps} · Visits {visits} · New customers {newCustomers} · Stage moves {stageMoves}',
  submit: 'Submit report',
  save: 'Save changes',
  submitted: 'Report submitted',
  saved: 'Saved',
  exists: 'You already reported for this period; opened it for you',
  doneRequired: 'Describe what you did',
  comments: 'Comments',
  noComments: 'No comments yet',
  commentPlaceholder: 'Write a comment…',
  sendComment: 'Send',
  empty: 'No reports',
  submittedAt: 'Submitted {t}',
  edit: 'Edit',
  loadMore: 'Load more',
};

let merged = false;

/** Adds the report texts to both locales once (call before the first `t('reports.…')`). */
export function ensureReportMessages(): void {
  if (merged) return;
  merged = true;
  i18n.global.mergeLocaleMessage('zh-Hans', { reports: zh } as never);
  i18n.global.mergeLocaleMessage('en', { reports: en } as never);
}
