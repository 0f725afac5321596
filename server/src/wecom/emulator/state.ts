import { DEMO_DEPARTMENTS, DEMO_USERS } from '../../seed/org';
import type { ExternalContactInfo, FollowUser, GroupChat, OauthUserInfo, WecomDepartment, WecomUser } from '../types';

/** The emulated corp: everything the endpoints read and write; tests mutate it directly. */
export interface EmulatorState {
  departments: WecomDepartment[];
  users: Map<string, WecomUser>;
  externalContacts: Map<string, { external_contact: ExternalContactInfo; follow_user: FollowUser[] }>;
  groupChats: Map<string, GroupChat>;
  /** OAuth codes (single-use) → member or non-member identity. */
  oauthCodes: Map<string, OauthUserInfo>;
  /** Mini-program login codes (single-use) → userid. */
  mpCodes: Map<string, string>;
  media: Map<string, { buffer: Buffer; contentType: string }>;
  /** Every `message/send` body received, with its msgid and response_code. */
  messages: { body: Record<string, any>; msgid: string; responseCode?: string }[];
  cardUpdates: Record<string, any>[];
  /** Handover requests per external_userid (for the 2-per-90-days limit). */
  transfers: { kind: 'in_service' | 'resigned'; handover: string; takeover: string; externalUserId: string; at: number }[];
}

export function emptyState(): EmulatorState {
  return {
    departments: [],
    users: new Map(),
    externalContacts: new Map(),
    groupChats: new Map(),
    oauthCodes: new Map(),
    mpCodes: new Map(),
    media: new Map(),
    messages: [],
    cardUpdates: [],
    transfers: [],
  };
}

const DEMO_PARTNERS = [
  ['王总', '某某科技有限公司', '总经理'],
  ['李经理', '华东精密制造', '采购经理'],
  ['陈工', '星河软件', '技术总监'],
  ['赵女士', '蓝海贸易', '运营负责人'],
  ['孙总', '远大建设集团', '副总裁'],
] as const;

/** Seeds the demo corp of CONTRACT.md and a few chat partners per rep (`wm_demo_<rep>_<n>`). */
export function seedDemoState(state: EmulatorState): void {
  const deptIds = new Map<string, number>();
  for (const d of DEMO_DEPARTMENTS) {
    deptIds.set(d.name, d.wecomDeptId);
    state.departments.push({ id: d.wecomDeptId, name: d.name, parentid: d.parent ?? 0, order: d.wecomDeptId });
  }
  for (const u of DEMO_USERS) {
    const dept = deptIds.get(u.department)!;
    state.users.set(u.wecomUserId, {
      userid: u.wecomUserId,
      name: u.name,
      department: [dept],
      is_leader_in_dept: [u.leader ? 1 : 0],
      main_department: dept,
      mobile: u.mobile,
      status: 1,
    });
  }
  const reps = DEMO_USERS.filter((u) => u.role === 'rep');
  const baseTime = Math.floor(Date.UTC(2026, 9, 1) / 1000);
  reps.forEach((rep, r) => {
    for (let n = 1; n <= 3; n++) {
      const [name, corp, position] = DEMO_PARTNERS[(r + n) % DEMO_PARTNERS.length]!;
      const id = `wm_demo_${rep.wecomUserId.replace(/^demo\./, '')}_${n}`;
      state.externalContacts.set(id, {
        external_contact: { external_userid: id, name, type: 1, corp_name: corp, position, gender: n % 2 ? 1 : 2 },
        follow_user: [{ userid: rep.wecomUserId, remark: `${corp} ${name}`, createtime: baseTime + r * 86400 + n * 3600, add_way: 1, tags: [] }],
      });
    }
  });
}
