/** Shapes of WeCom API answers we read (only the fields the CRM uses). */

export interface OauthUserInfo {
  userid?: string;
  user_ticket?: string;
  openid?: string;
  external_userid?: string;
}

export interface MpSession {
  corpid: string;
  userid: string;
  session_key: string;
}

export interface WecomUser {
  userid: string;
  name: string;
  department: number[];
  is_leader_in_dept?: number[];
  main_department?: number;
  mobile?: string;
  email?: string;
  avatar?: string;
  /** 1 active, 2 disabled, 4 not activated, 5 quit. */
  status?: number;
}

export interface WecomDepartment {
  id: number;
  name: string;
  parentid: number;
  order?: number;
  department_leader?: string[];
}

export interface ExternalContactInfo {
  external_userid: string;
  name: string;
  type: number;
  avatar?: string;
  gender?: number;
  unionid?: string;
  position?: string;
  corp_name?: string;
  corp_full_name?: string;
}

export interface FollowUser {
  userid: string;
  remark?: string;
  description?: string;
  createtime?: number;
  tags?: { group_name?: string; tag_name?: string; tag_id?: string; type?: number }[];
  remark_mobiles?: string[];
  add_way?: number;
  state?: string;
  oper_userid?: string;
}

export interface ExternalContactDetail {
  external_contact: ExternalContactInfo;
  follow_user: FollowUser[];
}

export interface BatchByUserPage {
  external_contact_list: { external_contact: ExternalContactInfo; follow_info: FollowUser & { tag_id?: string[] } }[];
  next_cursor?: string;
}

export interface GroupChat {
  chat_id: string;
  name: string;
  owner: string;
  create_time?: number;
  member_list: { userid: string; type: number; join_time?: number; name?: string }[];
}

export interface TransferInput {
  handover_userid: string;
  takeover_userid: string;
  external_userid: string[];
  transfer_success_msg?: string;
}

export interface TransferResult {
  customer: { external_userid: string; errcode: number }[];
}

export interface SendMessageResult {
  invaliduser?: string;
  msgid?: string;
  response_code?: string;
}
