import { and, eq } from 'drizzle-orm';
import { normaliseCustomerName } from '@scrm/shared';
import { contacts, customers, externalContacts, followUps, leads, poolRules, pools } from '../../db/schema/index';
import { recordAction } from '../pools/actions-log';
import type { SeedContext } from '../types';
import { refreshCustomerRollups } from './rollups';

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
/** A checksum-valid 统一社会信用代码 for demo data. */
function creditCode(i: number): string {
  const body = `91330100MA${String(27000 + i * 37).padStart(5, '0')}X${i % 10}`.slice(0, 17);
  let sum = 0;
  for (let k = 0; k < 17; k++) sum += CHARS.indexOf(body[k]!) * WEIGHTS[k]!;
  return body + CHARS[(31 - (sum % 31)) % 31];
}

const BOOK: [name: string, industry: string, grade: string, region: string, contact: string, title: string][] = [
  ['杭州云帆信息技术有限公司', '软件和信息技术', 'A', '浙江 杭州', '陈立群', '信息部总监'],
  ['苏州恒瑞精密机械有限公司', '装备制造', 'A', '江苏 苏州', '王海涛', '采购经理'],
  ['上海明德医疗器械有限公司', '医疗器械', 'B', '上海', '刘思雨', '运营总监'],
  ['深圳前海星辰物流有限公司', '交通物流', 'B', '广东 深圳', '黄志明', '总经理'],
  ['成都天府智慧农业科技有限公司', '农业科技', 'C', '四川 成都', '李春燕', '办公室主任'],
  ['北京中科博远教育科技有限公司', '教育培训', 'A', '北京', '张博', 'CTO'],
  ['武汉光谷新材料股份有限公司', '新材料', 'B', '湖北 武汉', '周文斌', '副总经理'],
  ['宁波海通进出口贸易有限公司', '批发零售', 'C', '浙江 宁波', '徐丽', '财务经理'],
  ['广州珠江食品集团有限公司', '食品饮料', 'A', '广东 广州', '梁伟', '供应链总监'],
  ['南京金陵建设工程有限公司', '建筑工程', 'B', '江苏 南京', '孙建国', '项目经理'],
  ['合肥量子云计算有限公司', '软件和信息技术', 'A', '安徽 合肥', '吴昊然', '技术总监'],
  ['青岛蓝海水产科技有限公司', '农业科技', 'C', '山东 青岛', '于海', '厂长'],
  ['西安秦川汽车零部件有限公司', '汽车零部件', 'B', '陕西 西安', '马俊', '采购总监'],
  ['厦门鹭岛文化传媒有限公司', '文化传媒', 'C', '福建 厦门', '林晓', '市场总监'],
  ['长沙湘江环保科技有限公司', '节能环保', 'B', '湖南 长沙', '谭志强', '总经理'],
  ['天津渤海化工股份有限公司', '化工', 'A', '天津', '赵德明', '设备部长'],
  ['重庆山城连锁餐饮管理有限公司', '餐饮', 'C', '重庆', '何静', '运营经理'],
  ['郑州中原现代农业有限公司', '农业科技', 'B', '河南 郑州', '郭磊', '总经理助理'],
  ['无锡太湖半导体有限公司', '电子元器件', 'A', '江苏 无锡', '钱晨', '研发总监'],
  ['济南泉城医药连锁有限公司', '医药', 'B', '山东 济南', '鲁芳', '信息中心主任'],
  ['昆明春城旅游发展有限公司', '旅游', 'C', '云南 昆明', '杨丽华', '总经理'],
  ['福州闽江纺织服装有限公司', '纺织服装', 'C', '福建 福州', '陈美玲', '生产经理'],
  ['大连星海港口设备有限公司', '装备制造', 'B', '辽宁 大连', '邵刚', '技术部经理'],
  ['东莞松山湖智能制造有限公司', '装备制造', 'A', '广东 东莞', '罗志伟', '厂长'],
  ['佛山南海家居用品有限公司', '家居建材', 'C', '广东 佛山', '区嘉欣', '电商负责人'],
  ['绍兴柯桥印染有限公司', '纺织服装', 'B', '浙江 绍兴', '沈国华', '总经理'],
  ['常州武进光伏科技有限公司', '新能源', 'A', '江苏 常州', '蒋一鸣', '采购经理'],
  ['石家庄冀中药业有限公司', '医药', 'B', '河北 石家庄', '高红', '质量总监'],
];
const REPS = ['demo.rep1', 'demo.rep2', 'demo.rep3', 'demo.rep4', 'demo.rep5', 'demo.rep6', 'demo.rep7', 'demo.rep8', 'demo.rep9'];
const FOLLOW_TEXTS: [type: 'phone' | 'wechat' | 'visit' | 'meeting' | 'email', content: string, next: string][] = [
  ['phone', '电话沟通了今年的信息化预算，客户对移动端审批比较感兴趣。', '发送产品方案'],
  ['wechat', '微信发送了产品介绍和案例，对方表示会转给技术负责人。', '约技术交流'],
  ['visit', '上门拜访，参观了生产车间，了解现有系统的痛点。', '准备报价'],
  ['meeting', '线上会议演示了客户管理和公海规则，对方提了权限相关的问题。', '补充权限说明'],
  ['email', '邮件发送了报价单和实施计划。', '电话确认报价'],
];
const DAY = 86_400_000;

/**
 * Demo book (idempotent): a 公海 and a 线索池 with rules, ~28 customers with contacts spread over
 * demo.rep1…rep9 (a few in the pool), follow-ups over the last weeks, leads, and contacts bound to
 * the demo external contacts `wm_demo_rep1_1`, `wm_demo_rep2_1` (mirror rows created if absent).
 */
export async function seedCustomersDemo({ deps, db, corpId, users }: SeedContext): Promise<void> {
  const [existing] = await db.select({ id: customers.id }).from(customers).where(eq(customers.corpId, corpId)).limit(1);
  if (existing) return;
  const now = deps.now();
  const [cp] = await db.insert(pools).values({ corpId, entityType: 'customer', name: '公海', isDefault: true, claimDailyLimit: 10, holdLimit: 200, cooldownDays: 7 }).$returningId();
  await db.insert(poolRules).values([
    { corpId, poolId: cp!.id, grade: '', reclaimNoFollowUpDays: 30, reclaimNoDealDays: 180, remindDaysBefore: 3 },
    { corpId, poolId: cp!.id, grade: 'A', reclaimNoFollowUpDays: 60, remindDaysBefore: 5 },
  ]);
  const [lp] = await db.insert(pools).values({ corpId, entityType: 'lead', name: '线索池', isDefault: true, claimDailyLimit: 20 }).$returningId();
  await db.insert(poolRules).values({ corpId, poolId: lp!.id, grade: '', reclaimNoFollowUpDays: 14, remindDaysBefore: 2 });

  const contactIdsByRep: Record<string, number[]> = {};
  for (const [i, [name, industry, grade, region, contactName, title]] of BOOK.entries()) {
    const inPool = i >= BOOK.length - 4;
    const repKey = REPS[i % REPS.length]!;
    const ownerId = inPool ? null : users[repKey]!;
    const createdAt = new Date(now.getTime() - (40 + i) * DAY);
    const [c] = await db
      .insert(customers)
      .values({
        corpId,
        name,
        nameKey: normaliseCustomerName(name),
        creditCode: creditCode(i),
        registeredCapital: (500 + i * 137) * 10_000 * 100,
        legalRepresentative: contactName,
        address: `${region.replace(' ', '省')}市高新区创新路 ${100 + i} 号`,
        region,
        industry,
        grade,
        source: ['展会', '官网', '老客户介绍', '企业微信', '电话营销'][i % 5]!,
        tags: i % 3 === 0 ? ['重点跟进'] : [],
        ownerId,
        poolId: cp!.id,
        ownedAt: ownerId ? createdAt : null,
        createdBy: ownerId ?? users['demo.admin']!,
        createdAt,
        updatedAt: createdAt,
      })
      .$returningId();
    const customerId = c!.id;
    await recordAction(db, { corpId, entityType: 'customer', entityId: customerId, action: 'create', actorId: ownerId ?? users['demo.admin']!, toUserId: ownerId, toPoolId: ownerId ? null : cp!.id, at: createdAt });
    const [ct] = await db
      .insert(contacts)
      .values({ corpId, customerId, name: contactName, mobile: `1377${String(100000 + i * 7919).slice(-6)}0`.slice(0, 11), title, isKeyDecisionMaker: true, createdBy: ownerId, createdAt, updatedAt: createdAt })
      .$returningId();
    await db.insert(contacts).values({ corpId, customerId, name: `${['王', '李', '赵', '钱'][i % 4]}${['工', '经理', '主管'][i % 3]}`, title: '业务对接人', reportsToId: ct!.id, createdBy: ownerId, createdAt, updatedAt: createdAt });
    if (ownerId) {
      (contactIdsByRep[repKey] ??= []).push(ct!.id);
      for (let k = 0; k < 1 + (i % 3); k++) {
        const [type, content, next] = FOLLOW_TEXTS[(i + k) % FOLLOW_TEXTS.length]!;
        const occurredAt = new Date(now.getTime() - (3 + ((i * 5 + k * 9) % 30)) * DAY);
        await db.insert(followUps).values({
          corpId, type, content, customerId, contactId: ct!.id, nextStep: next,
          nextFollowUpAt: k === 0 ? new Date(now.getTime() + ((i % 7) + 1) * DAY) : null,
          occurredAt, authorId: ownerId, createdAt: occurredAt, updatedAt: occurredAt,
        });
      }
      await refreshCustomerRollups(db, corpId, customerId);
    }
  }

  // Demo external contacts (the WeCom seed usually creates them) bound to each rep's first contact.
  for (const rep of ['demo.rep1', 'demo.rep2']) {
    const externalUserId = `wm_demo_${rep.slice(5)}_1`;
    let [ext] = await db.select({ id: externalContacts.id }).from(externalContacts).where(and(eq(externalContacts.corpId, corpId), eq(externalContacts.externalUserId, externalUserId)));
    if (!ext) [ext] = await db.insert(externalContacts).values({ corpId, externalUserId, name: rep === 'demo.rep1' ? '陈立群' : '王海涛', corpName: rep === 'demo.rep1' ? '云帆信息' : '恒瑞精密' }).$returningId();
    const contactId = contactIdsByRep[rep]?.[0];
    if (contactId) await db.update(contacts).set({ externalContactId: ext!.id }).where(eq(contacts.id, contactId));
  }

  const LEADS: [string, string, string][] = [
    ['周先生', '嘉兴禾丰农业合作社', '展会'], ['吴女士', '温州瓯江电器有限公司', '官网'], ['郑经理', '泉州晋江鞋业有限公司', '电话营销'],
    ['冯总', '南通港闸纺织有限公司', '老客户介绍'], ['陈工', '扬州广陵机电有限公司', '官网'], ['褚主任', '台州黄岩模具有限公司', '展会'],
    ['卫经理', '金华义乌小商品贸易行', '企业微信'], ['蒋女士', '湖州南浔木业有限公司', '官网'], ['沈先生', '嘉兴海宁皮革城商户', '展会'],
    ['韩总', '徐州淮海工程机械有限公司', '电话营销'],
  ];
  for (const [i, [name, company, source]] of LEADS.entries()) {
    const ownerId = i < 7 ? users[REPS[i % REPS.length]!]! : null;
    const createdAt = new Date(now.getTime() - (2 + i * 2) * DAY);
    const [l] = await db
      .insert(leads)
      .values({ corpId, name, company, source, mobile: `1588${String(200000 + i * 3571).slice(-6)}1`.slice(0, 11), grade: ['A', 'B', 'C'][i % 3]!, need: '希望了解移动 CRM 和企业微信集成方案', ownerId, ownedAt: ownerId ? createdAt : null, poolId: lp!.id, createdBy: ownerId, createdAt, updatedAt: createdAt })
      .$returningId();
    await recordAction(db, { corpId, entityType: 'lead', entityId: l!.id, action: 'create', actorId: ownerId, toUserId: ownerId, toPoolId: ownerId ? null : lp!.id, at: createdAt });
    if (ownerId && i % 2 === 0) {
      const occurredAt = new Date(now.getTime() - i * DAY);
      await db.insert(followUps).values({ corpId, type: 'phone', content: '初次电话沟通，确认了需求和预算范围。', leadId: l!.id, nextStep: '发送资料', occurredAt, authorId: ownerId, createdAt: occurredAt, updatedAt: occurredAt });
      await db.update(leads).set({ followUpCount: 1, lastFollowUpAt: occurredAt }).where(eq(leads.id, l!.id));
    }
  }
}
