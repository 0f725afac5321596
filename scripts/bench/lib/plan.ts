/**
 * The deterministic shape of the benchmark data: every row is a pure function of (seed, scale,
 * index), so each table's stream can be generated independently and the relations still agree.
 */

export interface Scale {
  name: string;
  customers: number;
  /** Average contacts per customer is 3 (1..5), follow-ups 5 (1..9): 3M / 5M at 1M customers. */
  users: number;
  /** Children per department at levels 2..5 (5 levels with the root). */
  branching: number[];
  /** Customers per small corp (3 small corps besides the demo-like one). */
  smallCorpCustomers: number;
}

export const SCALES: Record<string, Scale> = {
  full: { name: 'full', customers: 1_000_000, users: 2000, branching: [4, 4, 3, 3], smallCorpCustomers: 2000 },
  small: { name: 'small', customers: 20_000, users: 200, branching: [2, 2, 2, 3], smallCorpCustomers: 200 },
};

/** The moment the data is "as of": the reclaim job and the session expiry are relative to it. */
export const ANCHOR = new Date('2026-11-27T00:00:00.000Z');
export const DAY = 86_400_000;
export const BENCH_CORP_WECOM_ID = 'wwbench00000001';
export const BENCH_AGENT_ID = '1000002';
export const BENCH_SECRET = 'bench-app-secret';
export const BENCH_SESSION_SECRET = 'bench-session-secret-0123456789abcdef';
export const BENCH_TOKEN = 'QDG6eK';
export const BENCH_AES_KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';

/** splitmix32-style hash → [0, 1). */
export function rand(seed: number, a: number, b = 0): number {
  let h = (Math.imul(seed ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(a + 0x7f4a7c15, 0xc2b2ae35) ^ Math.imul(b + 0x165667b1, 0x27d4eb2f)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d) >>> 0;
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b) >>> 0;
  h ^= h >>> 16;
  return (h >>> 0) / 4294967296;
}
export const pick = <T>(list: readonly T[], r: number): T => list[Math.floor(r * list.length) % list.length]!;

const CITIES = ['北京', '上海', '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '重庆', '天津', '长沙', '郑州', '青岛', '厦门', '宁波', '合肥', '济南', '福州', '昆明', '大连', '沈阳', '无锡', '佛山', '东莞', '珠海', '南昌', '贵阳', '太原'];
const W1 = ['华', '中', '东', '恒', '创', '鼎', '博', '盛', '天', '新', '金', '信', '宏', '永', '瑞', '嘉', '联', '安', '远', '海', '正', '汇', '卓', '锦', '泰'];
const W2 = ['信', '科', '达', '通', '源', '泰', '丰', '润', '和', '辉', '晟', '越', '德', '诚', '力', '邦', '宇', '航', '峰', '康', '盈', '策', '智', '星', '瀚'];
export const INDUSTRIES = ['科技', '制造', '贸易', '物流', '医疗', '教育', '建筑', '能源', '餐饮', '传媒', '电子', '化工', '零售', '金融', '咨询', '环保'];
const KINDS = ['有限公司', '股份有限公司', '集团有限公司', '有限责任公司'];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '吴', '周', '徐', '孙', '马', '朱', '胡', '郭', '何', '林', '高', '罗'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '磊', '洋', '艳', '勇', '军', '杰', '娟', '涛', '明', '超', '秀英', '霞', '平', '刚', '桂英', '建华', '晓东', '海燕', '志强'];
export const TITLES = ['总经理', '采购经理', 'IT 主管', '财务总监', '销售总监', '技术负责人', '行政经理', '运营总监'];
export const GRADES = ['A', 'B', 'B', 'C', 'C'];

/** A unique company name for customer index i of a corp (mixed radix over a permutation). */
export function companyName(i: number): string {
  const combos = CITIES.length * W1.length * W2.length * INDUSTRIES.length;
  const p = (i * 2654435761) % combos; // odd multiplier ⇒ a permutation when combos is not a multiple of it
  const round = Math.floor(i / combos);
  let r = p;
  const city = CITIES[r % CITIES.length]!;
  r = Math.floor(r / CITIES.length);
  const a = W1[r % W1.length]!;
  r = Math.floor(r / W1.length);
  const b = W2[r % W2.length]!;
  r = Math.floor(r / W2.length);
  const ind = INDUSTRIES[r % INDUSTRIES.length]!;
  return `${city}${a}${b}${ind}${KINDS[i % KINDS.length]}${round ? `（${round}）` : ''}`;
}
export const personName = (r1: number, r2: number) => `${pick(SURNAMES, r1)}${pick(GIVEN, r2)}`;

export interface Dept {
  id: number;
  parentId: number | null;
  level: number;
  path: string;
  name: string;
  wecomDeptId: number;
}
export interface UserRow {
  id: number;
  wecomUserId: string;
  name: string;
  role: 'admin' | 'manager' | 'rep';
  deptId: number;
  leader: boolean;
}

/** One corp of the data set: its org, pools and the id ranges of its rows. */
export interface CorpPlan {
  id: number;
  wecomCorpId: string;
  name: string;
  depts: Dept[];
  users: UserRow[];
  reps: UserRow[];
  /** Customer pool ids: [default, ...one per level-2 department]. */
  pools: { id: number; deptId: number | null; isDefault: boolean }[];
  leadPoolId: number;
  stageSetId: number;
  /** Stage ids in order: initial, needs, proposal, negotiation, won, lost. */
  stageIds: number[];
  customers: number;
  /** customers.id = customerBase + i + 1 */
  customerBase: number;
  /** The region pool a rep's customers fall back to. */
  poolOfUser: Map<number, number>;
}

export const STAGES = [
  { key: 'initial', name: '初步接洽', winRate: 10, kind: 'open' },
  { key: 'needs', name: '需求确认', winRate: 30, kind: 'open' },
  { key: 'proposal', name: '方案报价', winRate: 50, kind: 'open' },
  { key: 'negotiation', name: '商务谈判', winRate: 70, kind: 'open' },
  { key: 'won', name: '赢单', winRate: 100, kind: 'won' },
  { key: 'lost', name: '输单', winRate: 0, kind: 'lost' },
] as const;

/** The corps: one demo-like corp at the full scale, three small ones. Ids are assigned here. */
export function planCorps(scale: Scale): CorpPlan[] {
  const out: CorpPlan[] = [];
  let deptId = 0;
  let userId = 0;
  let poolId = 0;
  let customerBase = 0;
  const specs = [
    { wecom: BENCH_CORP_WECOM_ID, name: '基准科技集团', users: scale.users, branching: scale.branching, customers: scale.customers },
    ...[1, 2, 3].map((k) => ({ wecom: `wwbenchsmall0${k}`, name: `小微企业${k}`, users: 12, branching: [2], customers: scale.smallCorpCustomers })),
  ];
  specs.forEach((s, ci) => {
    const corpId = ci + 1;
    const depts: Dept[] = [];
    const root: Dept = { id: ++deptId, parentId: null, level: 1, path: '', name: s.name, wecomDeptId: 1 };
    root.path = `/${root.id}/`;
    depts.push(root);
    let frontier = [root];
    s.branching.forEach((n, li) => {
      const next: Dept[] = [];
      for (const p of frontier)
        for (let k = 0; k < n; k++) {
          const d: Dept = { id: ++deptId, parentId: p.id, level: li + 2, path: '', name: `${p.level === 1 ? '' : p.name}${['一', '二', '三', '四', '五'][k]}${['区', '省', '市', '组', '队'][li]}`, wecomDeptId: depts.length + 1 };
          d.path = `${p.path}${d.id}/`;
          depts.push(d);
          next.push(d);
        }
      frontier = next;
    });
    const leaves = frontier;
    const users: UserRow[] = [];
    const mk = (role: UserRow['role'], dept: number, leader: boolean, tag: string) => {
      const id = ++userId;
      users.push({ id, wecomUserId: `bench.${tag}${users.length}`, name: personName(rand(corpId, id, 1), rand(corpId, id, 2)), role, deptId: dept, leader });
    };
    mk('admin', root.id, false, 'admin');
    for (const d of depts) if (users.length < s.users) mk('manager', d.id, true, 'mgr');
    let k = 0;
    while (users.length < s.users) mk('rep', leaves[k++ % leaves.length]!.id, false, 'rep');
    const level2 = depts.filter((d) => d.level === 2);
    const pools = [{ id: ++poolId, deptId: null, isDefault: true }, ...level2.map((d) => ({ id: ++poolId, deptId: d.id, isDefault: false }))];
    const leadPoolId = ++poolId;
    const poolOfUser = new Map<number, number>();
    for (const u of users) {
      const region = Number(depts.find((d) => d.id === u.deptId)!.path.split('/')[2]);
      poolOfUser.set(u.id, (pools.find((p) => p.deptId === region) ?? pools[0]!).id);
    }
    out.push({
      id: corpId,
      wecomCorpId: s.wecom,
      name: s.name,
      depts,
      users,
      reps: users.filter((u) => u.role === 'rep'),
      pools,
      leadPoolId,
      stageSetId: corpId,
      stageIds: STAGES.map((_, j) => ci * STAGES.length + j + 1),
      customers: s.customers,
      customerBase,
      poolOfUser,
    });
    customerBase += s.customers;
  });
  return out;
}

/** Everything about customer i of a corp that other tables need. */
export interface CustomerPlan {
  id: number;
  owner: UserRow | null;
  poolId: number;
  grade: string;
  createdAt: Date;
  ownedAt: Date | null;
  lastFollowUpAt: Date;
  nContacts: number;
  nFollowUps: number;
  /** Bound WeCom external contact on the first contact (owned customers only). */
  ext: boolean;
  opp: null | { stage: number; amount: number; closeDate: string; createdAt: Date };
}

export function planCustomer(seed: number, corp: CorpPlan, i: number): CustomerPlan {
  const id = corp.customerBase + i + 1;
  const r = (k: number) => rand(seed, id, k);
  const owned = r(1) < 0.8;
  const owner = owned ? corp.reps[Math.floor(r(2) * corp.reps.length)]! : null;
  const poolId = owner ? corp.poolOfUser.get(owner.id)! : corp.pools[Math.floor(r(3) * corp.pools.length)]!.id;
  const grade = pick(GRADES, r(4));
  const createdAt = new Date(ANCHOR.getTime() - (60 + Math.floor(r(5) * 900)) * DAY - Math.floor(r(6) * DAY));
  // ~1 % of owned customers are past the 365-day "no deal" rule; the rest were taken within 300 days.
  const ownedDays = r(7) < 0.01 ? 366 + Math.floor(r(8) * 30) : 40 + Math.floor(r(8) * 260);
  const ownedAt = owner ? new Date(Math.max(createdAt.getTime(), ANCHOR.getTime() - ownedDays * DAY)) : null;
  // ~3 % of customers have had no follow-up for 31..90 days (due for reclaim under the 30-day rule).
  const quiet = r(9) < 0.03 ? 31 + Math.floor(r(10) * 60) : Math.floor(r(10) * 28);
  const lastFollowUpAt = new Date(ANCHOR.getTime() - quiet * DAY - Math.floor(r(11) * DAY));
  const nContacts = 1 + ((id * 5 + Math.floor(r(12) * 5)) % 5);
  const nFollowUps = 1 + (id % 9);
  const ext = owned && r(13) < 0.5;
  let opp: CustomerPlan['opp'] = null;
  if (owned && r(14) < 0.625) {
    const x = r(15);
    const stage = x < 0.3 ? 0 : x < 0.5 ? 1 : x < 0.65 ? 2 : x < 0.75 ? 3 : x < 0.9 ? 4 : 5;
    const close = new Date(ANCHOR.getTime() + Math.floor((r(16) - 0.5) * 360) * DAY);
    opp = { stage, amount: (1 + Math.floor(r(17) * 2000)) * 10_000, closeDate: close.toISOString().slice(0, 10), createdAt: new Date(Math.max(createdAt.getTime(), ANCHOR.getTime() - Math.floor(r(18) * 200) * DAY)) };
  }
  return { id, owner, poolId, grade, createdAt, ownedAt, lastFollowUpAt, nContacts, nFollowUps, ext, opp };
}

export const sessionToken = (seed: number, userId: number) => `bench-${seed}-${userId}-token`;
