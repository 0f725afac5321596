import type { SeedContext } from '../types';
import { upsertCatalogFromErp } from './erp';
import { categoryByCode } from './repo';

const sku = (externalCode: string, name: string, specs: Record<string, string>) => ({ externalCode, name, specs, status: 'active' as const });

/** Demo catalog: categories, products with SKUs, a default price list and a grade-A list (idempotent upsert). */
export async function seedCatalogDemo({ db, corpId }: SeedContext): Promise<void> {
  if (await categoryByCode(db, corpId, 'CAT-SW')) return;
  const prices: [string, number][] = [
    ['SKU-CRM-STD', 98_000_00], ['SKU-CRM-PRO', 198_000_00], ['SKU-CRM-USER', 1_200_00],
    ['SKU-SRV-1T', 45_000_00], ['SKU-SRV-4T', 68_000_00], ['SKU-IMPL-DAY', 3_000_00], ['SKU-TRAIN', 8_000_00],
  ];
  await upsertCatalogFromErp(db, corpId, {
    categories: [
      { externalCode: 'CAT-SW', name: '软件产品' },
      { externalCode: 'CAT-HW', name: '硬件设备' },
      { externalCode: 'CAT-SRV', name: '实施服务' },
    ],
    products: [
      { externalCode: 'P-CRM', name: '智客 CRM 系统', categoryExternalCode: 'CAT-SW', unit: '套', taxRateBp: 1300, status: 'active',
        skus: [sku('SKU-CRM-STD', '标准版', { 版本: '标准版', 用户数: '50' }), sku('SKU-CRM-PRO', '专业版', { 版本: '专业版', 用户数: '200' }), sku('SKU-CRM-USER', '增购用户', { 单位: '用户/年' })] },
      { externalCode: 'P-SRV', name: '一体化服务器', categoryExternalCode: 'CAT-HW', unit: '台', taxRateBp: 1300, status: 'active',
        skus: [sku('SKU-SRV-1T', '1TB 存储', { 存储: '1TB', 内存: '32GB' }), sku('SKU-SRV-4T', '4TB 存储', { 存储: '4TB', 内存: '64GB' })] },
      { externalCode: 'P-IMPL', name: '实施与培训', categoryExternalCode: 'CAT-SRV', unit: '人天', taxRateBp: 600, status: 'active',
        skus: [sku('SKU-IMPL-DAY', '现场实施', { 方式: '现场' }), sku('SKU-TRAIN', '用户培训', { 方式: '集中培训' })] },
    ],
    priceLists: [
      { externalCode: 'PL-DEFAULT', name: '标准价目表', currency: 'CNY', isDefault: true, customerGrade: null, region: null, priority: 0, status: 'active',
        items: [...prices.map(([s, p]) => ({ skuExternalCode: s, price: p, minQuantity: 1 })), { skuExternalCode: 'SKU-CRM-USER', price: 1_000_00, minQuantity: 100 }] },
      { externalCode: 'PL-GRADE-A', name: 'A 级客户价目表', currency: 'CNY', isDefault: false, customerGrade: 'A', region: null, priority: 10, status: 'active',
        items: prices.map(([s, p]) => ({ skuExternalCode: s, price: Math.round(p * 0.9), minQuantity: 1 })) },
    ],
  });
}
