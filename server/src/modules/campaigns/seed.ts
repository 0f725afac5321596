import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { loadScope } from '../../auth/scope';
import type { Db } from '../../db/client';
import { campaignCosts, campaignPayments, campaigns, campaignVendors, followUps, leads } from '../../db/schema/index';
import type { AuthUser } from '../../http/context';
import { refreshLeadRollups } from '../followups/service';
import { convertLead } from '../leads/convert';
import { insertLead } from '../leads/manage';
import { defaultPoolId } from '../pools/repo';
import type { SeedContext } from '../types';

const DAY = 86_400_000;

interface DemoCampaign {
  name: string;
  type: 'online_promotion' | 'offline_event';
  channel: string;
  budget: number;
  vendors: { name: string; contactName: string; phone: string; costs: [string, number][]; paid: number; pending: number }[];
  leads: [string, string, string][];
}

const CAMPAIGNS: DemoCampaign[] = [
  {
    name: '2026 秋季线上推广',
    type: 'online_promotion',
    channel: '百度/抖音信息流',
    budget: 8_000_000,
    vendors: [
      { name: '杭州星火广告有限公司', contactName: '许经理', phone: '0571-88886666', costs: [['信息流投放', 3_200_000], ['落地页设计', 600_000]], paid: 3_000_000, pending: 800_000 },
      { name: '上海云图数据服务有限公司', contactName: '孟工', phone: '021-66668888', costs: [['线索清洗与外呼', 900_000]], paid: 900_000, pending: 0 },
    ],
    leads: [
      ['何先生', '宁波北仑港务物流有限公司', '信息流'], ['吕女士', '绍兴柯桥纺织品贸易公司', '信息流'], ['施经理', '常州武进精工机械厂', '落地页'],
      ['张总', '无锡新吴半导体材料公司', '信息流'], ['孔女士', '苏州吴中医疗器械有限公司', '落地页'], ['曹先生', '合肥高新智能装备公司', '信息流'],
      ['严经理', '南京江宁软件园服务公司', '落地页'],
    ],
  },
  {
    name: '杭州智能制造展会',
    type: 'offline_event',
    channel: '展会',
    budget: 12_000_000,
    vendors: [
      { name: '杭州国际会展服务有限公司', contactName: '华主管', phone: '0571-87654321', costs: [['展位费', 5_000_000], ['展台搭建', 2_800_000]], paid: 5_000_000, pending: 2_800_000 },
      { name: '浙江印象礼品有限公司', contactName: '金女士', phone: '0571-86001234', costs: [['伴手礼', 400_000]], paid: 400_000, pending: 0 },
    ],
    leads: [
      ['魏总', '嘉善精密五金有限公司', '展会'], ['陶经理', '桐乡化纤新材料公司', '展会'], ['姜先生', '德清地信科技有限公司', '展会'],
      ['戚女士', '余姚模具城商户联合会', '展会'], ['谢工', '慈溪家电配件有限公司', '展会'], ['邹总', '义乌跨境电商产业园', '展会'],
    ],
  },
];

/** A seed-time caller (sessions are not needed to run commands). */
function seedUser(corpId: number, id: number, wecomUserId: string): AuthUser {
  return { id, corpId, wecomUserId, name: wecomUserId, role: 'rep', sessionId: 0 };
}

/**
 * Demo campaigns (idempotent: skipped when the corp has any): two campaigns with vendors, cost
 * lines and paid/pending payments; their leads sit in the lead pool or with reps (with
 * follow-ups), and a few are converted through the real conversion command.
 */
export async function seedCampaignsDemo({ deps, db, corpId, users }: SeedContext): Promise<void> {
  const [existing] = await db.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.corpId, corpId)).limit(1);
  if (existing) return;
  const poolId = await defaultPoolId(db, corpId, 'lead');
  const now = deps.now();
  const reps = ['demo.rep1', 'demo.rep2', 'demo.rep3', 'demo.rep4'];
  const toConvert: { leadId: number; rep: string }[] = [];
  for (const [ci, c] of CAMPAIGNS.entries()) {
    const start = new Date(now.getTime() - (45 - ci * 15) * DAY);
    const [row] = await db
      .insert(campaigns)
      .values({
        corpId, name: c.name, type: c.type, channel: c.channel, status: 'active',
        startDate: start.toISOString().slice(0, 10), endDate: new Date(start.getTime() + 60 * DAY).toISOString().slice(0, 10),
        ownerId: users['demo.manager'] ?? null, budget: c.budget, poolId, publicKey: randomBytes(16).toString('hex'),
        description: `${c.name}：获取制造业与贸易企业的 CRM 需求线索。`, createdBy: users['demo.admin'] ?? null, createdAt: start, updatedAt: start,
      })
      .$returningId();
    const campaignId = row!.id;
    for (const v of c.vendors) {
      const [vr] = await db.insert(campaignVendors).values({ corpId, campaignId, name: v.name, contactName: v.contactName, phone: v.phone, createdAt: start, updatedAt: start }).$returningId();
      for (const [item, amount] of v.costs) {
        await db.insert(campaignCosts).values({ corpId, campaignId, vendorId: vr!.id, item, amount, incurredOn: start.toISOString().slice(0, 10), createdBy: users['demo.manager'] ?? null, createdAt: start, updatedAt: start });
      }
      if (v.paid) await db.insert(campaignPayments).values({ corpId, campaignId, vendorId: vr!.id, amount: v.paid, status: 'paid', paidOn: new Date(start.getTime() + 7 * DAY).toISOString().slice(0, 10), note: '首期款', createdAt: start, updatedAt: start });
      if (v.pending) await db.insert(campaignPayments).values({ corpId, campaignId, vendorId: vr!.id, amount: v.pending, status: 'pending', note: '尾款，活动结束后支付', createdAt: start, updatedAt: start });
    }
    for (const [li, [name, company, source]] of c.leads.entries()) {
      const inPool = li >= c.leads.length - 2;
      const rep = reps[(li + ci) % reps.length]!;
      const ownerId = inPool ? null : users[rep]!;
      const createdAt = new Date(start.getTime() + (li + 1) * DAY);
      const leadId = await insertLead(db, {
        corpId, actorId: null, rule: 'web_form', now: createdAt,
        values: {
          name, company, source, campaignId, mobile: `1396${ci}${String(100000 + li * 4099).slice(-6)}`, grade: ['A', 'B', 'C'][li % 3]!,
          need: '想了解企业微信 SCRM 与移动 CRM 方案', ownerId, poolId, ownedAt: ownerId ? createdAt : null, tags: [c.channel],
        },
      });
      if (ownerId) {
        const occurredAt = new Date(createdAt.getTime() + DAY);
        await db.insert(followUps).values({ corpId, type: 'phone', content: '电话回访：确认需求和预算，约了线上演示。', leadId, nextStep: '线上演示', occurredAt, authorId: ownerId, createdAt: occurredAt, updatedAt: occurredAt });
        await refreshLeadRollups(db, corpId, leadId);
        if (li < 2) toConvert.push({ leadId, rep });
      }
    }
  }
  // A few conversions through the real command (customer + contact, rules recorded).
  for (const { leadId, rep } of toConvert) {
    const user = seedUser(corpId, users[rep]!, rep);
    const scope = await loadScope(db as Db, user);
    const [l] = await db.select({ company: leads.company }).from(leads).where(eq(leads.id, leadId));
    await convertLead(db, { user, scope, id: leadId, body: { mode: 'new', customer: { name: l?.company ?? undefined } }, deps, audit: async () => {} });
  }
}
