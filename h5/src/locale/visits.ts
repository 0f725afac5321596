import { i18n } from './i18n';

/** 拜访 texts, kept beside the app's messages and merged in on first use (one file per feature). */
const zh = {
  title: { schedule: '拜访日程', plan: '新建拜访', detail: '拜访详情', reviews: '待审查拜访' },
  today: '今日拜访',
  todayCount: '今日 {n} 个拜访',
  viewAll: '查看日程',
  newVisit: '新建拜访',
  noVisits: '暂无拜访',
  reviews: '待审查',
  views: { day: '今天', week: '本周', month: '本月' },
  prev: '上一段',
  next: '下一段',
  status: { planned: '待拜访', in_progress: '拜访中', done: '已完成', missed: '已错过', cancelled: '已取消' },
  flags: {
    out_of_range: '超出签到范围',
    outside_window: '不在计划时间内',
    location_missing: '未获取到定位',
    customer_location_unknown: '客户未设置坐标',
  },
  outcomes: { advanced: '推进', maintained: '维持', stalled: '停滞', lost: '流失' },
  fields: {
    customer: '客户',
    searchCustomer: '搜索客户名称',
    contacts: '拜访对象（可多选）',
    purpose: '拜访目的',
    purposePlaceholder: '例如：产品演示、回款跟进',
    date: '日期',
    start: '开始',
    end: '结束',
    assignee: '负责人',
    summary: '拜访纪要',
    summaryPlaceholder: '本次拜访谈了什么、客户的反馈',
    outcome: '拜访结果',
    nextSteps: '下一步',
    rating: '评分',
    comment: '评语',
  },
  planned: '计划 {start} – {end}',
  submit: '提交',
  saving: '提交中…',
  pickCustomer: '请选择客户',
  fillPurpose: '请填写拜访目的',
  checkIn: {
    title: '现场签到',
    locate: '获取定位',
    locating: '正在定位…',
    distance: '距客户约 {d}',
    distanceUnknown: '客户未设置坐标，无法计算距离',
    far: '超出 {r} 米签到范围，签到会被标记',
    located: '已定位（精度约 {a} 米）',
    denied: '无法获取定位：{reason}。你仍可签到，记录会标记为“未获取到定位”。',
    proceedWithout: '不定位，直接签到',
    photo: '拍摄现场照片',
    photoRetake: '重新拍照',
    photoReady: '照片已就绪',
    uploading: '正在上传照片…',
    submit: '确认签到',
    done: '已签到',
    at: '签到时间 {t}',
  },
  checkOut: { submit: '签退', done: '已签退', duration: '拜访时长 {m} 分钟', at: '签退时间 {t}' },
  record: { title: '拜访记录', submit: '提交记录', done: '记录已提交' },
  review: { title: '审查', submit: '提交审查', done: '已审查', by: '{name} 评分 {rating}' },
  retryHint: '网络不稳定：已自动保留本次提交，可放心重试，不会重复记录。',
  cancel: '取消拜访',
  onSiteRate: '在场率',
  scopeMine: '我的',
  scopeTeam: '团队',
};
type VisitMessages = typeof zh;

const en: VisitMessages = {
  title: { schedule: 'Visit schedule', plan: 'New visit', detail: 'Visit', reviews: 'Visits to review' },
  today: "Today's visits",
  todayCount: '{n} visits today',
  viewAll: 'Schedule',
  newVisit: 'New visit',
  noVisits: 'No visits',
  reviews: 'To review',
  views: { day: 'Today', week: 'Week', month: 'Month' },
  prev: 'Previous',
  next: 'Next',
  status: { planned: 'Planned', in_progress: 'In progress', done: 'Done', missed: 'Missed', cancelled: 'Cancelled' },
  flags: {
    out_of_range: 'Out of range',
    outside_window: 'Outside planned time',
    location_missing: 'No location',
    customer_location_unknown: 'Customer has no coordinates',
  },
  outcomes: { advanced: 'Advanced', maintained: 'Maintained', stalled: 'Stalled', lost: 'Lost' },
  fields: {
    customer: 'Customer',
    searchCustomer: 'Search customers',
    contacts: 'Meeting with (pick any)',
    purpose: 'Purpose',
    purposePlaceholder: 'e.g. product demo, payment follow-up',
    date: 'Date',
    start: 'Start',
    end: 'End',
    assignee: 'Assignee',
    summary: 'Summary',
    summaryPlaceholder: 'What was discussed, how the customer reacted',
    outcome: 'Outcome',
    nextSteps: 'Next steps',
    rating: 'Rating',
    comment: 'Comment',
  },
  planned: 'Planned {start} – {end}',
  submit: 'Submit',
  saving: 'Submitting…',
  pickCustomer: 'Choose a customer',
  fillPurpose: 'Enter the purpose',
  checkIn: {
    title: 'Check in on site',
    locate: 'Get location',
    locating: 'Locating…',
    distance: 'About {d} from the customer',
    distanceUnknown: 'The customer has no coordinates; distance unknown',
    far: 'Beyond the {r} m radius: the check-in will be flagged',
    located: 'Located (±{a} m)',
    denied: 'No location: {reason}. You can still check in; it will be flagged "no location".',
    proceedWithout: 'Check in without location',
    photo: 'Take an on-site photo',
    photoRetake: 'Retake photo',
    photoReady: 'Photo ready',
    uploading: 'Uploading photo…',
    submit: 'Check in',
    done: 'Checked in',
    at: 'Checked in at {t}',
  },
  checkOut: { submit: 'Check out', done: 'Checked out', duration: 'Duration {m} min', at: 'Checked out at {t}' },
  record: { title: 'Visit record', submit: 'Submit record', done: 'Record submitted' },
  review: { title: 'Review', submit: 'Submit review', done: 'Reviewed', by: '{name} rated {rating}' },
  retryHint: 'Unstable network: your submission is kept, retrying is safe and will not duplicate it.',
  cancel: 'Cancel visit',
  onSiteRate: 'On-site rate',
  scopeMine: 'Mine',
  scopeTeam: 'Team',
};

let merged = false;

/** Adds the visit texts to both locales once (call before the first `t('visits.…')`). */
export function ensureVisitMessages(): void {
  if (merged) return;
  merged = true;
  i18n.global.mergeLocaleMessage('zh-Hans', { visits: zh } as never);
  i18n.global.mergeLocaleMessage('en', { visits: en } as never);
}

/** Shanghai wall-clock `HH:mm` of an ISO time. */
export function hhmm(iso: string): string {
  return iso.slice(11, 16);
}

/** `12 m` / `1.3 km`. */
export function formatDistance(m: number): string {
  return m < 1000 ? `${Math.round(m)} m` : `${(m / 1000).toFixed(1)} km`;
}
