import { z } from 'zod';
import { CURRENCIES, idSchema, listQuery, LIMITS, moneyAmount, optionalText, requiredText } from './common';

/** Catalog limits shared by forms and validation. */
export const CATALOG_LIMITS = {
  codeMax: 64,
  specMax: 500,
  /** Tax rate in basis points (1300 = 13%). */
  taxRateBpMax: 10000,
  tiersMax: 20,
  erpBatchMax: 500,
} as const;

export const PRODUCT_STATUSES = ['active', 'inactive'] as const;
export type ProductStatus = (typeof PRODUCT_STATUSES)[number];
export const PRICE_LIST_STATUSES = ['active', 'inactive'] as const;

const code = (label: string) =>
  z
    .string({ error: `${label}必须是文本` })
    .trim()
    .min(1, { error: `请填写${label}` })
    .max(CATALOG_LIMITS.codeMax, { error: `${label}最多 ${CATALOG_LIMITS.codeMax} 个字符` });
const taxRateBp = z
  .number({ error: '税率必须是数字' })
  .int({ error: '税率以万分比表示，必须是整数（1300 = 13%）' })
  .min(0, { error: '税率不能为负' })
  .max(CATALOG_LIMITS.taxRateBpMax, { error: '税率不能超过 100%' });
const priceFen = moneyAmount.min(0, { error: '价格不能为负' });
/** A calendar date `YYYY-MM-DD` (Asia/Shanghai). */
export const calendarDate = z.string({ error: '日期必须是文本' }).regex(/^\d{4}-\d{2}-\d{2}$/, { error: '日期格式应为 YYYY-MM-DD' });
/** Quantities: up to 3 decimals, at most 1,000,000,000. */
export const quantitySchema = z
  .number({ error: '数量必须是数字' })
  .positive({ error: '数量必须大于 0' })
  .max(1e9, { error: '数量超出范围' })
  .refine((n) => Math.abs(Math.round(n * 1000) - n * 1000) < 1e-6, { error: '数量最多 3 位小数' });

export const categoryBody = z.strictObject({
  name: requiredText('分类名称'),
  parentId: idSchema.nullable().optional(),
  code: code('分类编码').optional(),
  sortOrder: z.number().int().min(0).max(100000).optional(),
});
export const categoryPatch = categoryBody.partial();
export const category = z.object({ id: idSchema, name: z.string(), parentId: idSchema.nullable(), code: z.string().nullable(), sortOrder: z.number() });
export type Category = z.infer<typeof category>;

export const skuBody = z.strictObject({
  code: code('SKU 编码'),
  name: requiredText('SKU 名称'),
  /** 规格, e.g. `{"颜色":"白","容量":"1TB"}` */
  specs: z.record(z.string().max(50), z.string().max(100)).optional(),
  unit: optionalText('单位', 20),
  status: z.enum(PRODUCT_STATUSES).optional(),
  externalCode: code('外部编码').optional(),
});
export const skuPatch = skuBody.partial();
export const sku = z.object({
  id: idSchema,
  productId: idSchema,
  code: z.string(),
  name: z.string(),
  specs: z.record(z.string(), z.string()),
  unit: z.string(),
  status: z.enum(PRODUCT_STATUSES),
  externalCode: z.string().nullable(),
});
export type Sku = z.infer<typeof sku>;

export const productBody = z.strictObject({
  code: code('产品编码'),
  name: requiredText('产品名称'),
  categoryId: idSchema.nullable().optional(),
  unit: requiredText('单位', 20).default('个'),
  taxRateBp: taxRateBp.default(1300),
  status: z.enum(PRODUCT_STATUSES).default('active'),
  description: optionalText('产品说明', LIMITS.longTextMax),
  externalCode: code('外部编码').optional(),
  skus: z.array(skuBody).max(200, { error: '一个产品最多 200 个 SKU' }).optional(),
});
export const productPatch = productBody.omit({ skus: true }).partial();
export const product = z.object({
  id: idSchema,
  code: z.string(),
  name: z.string(),
  categoryId: idSchema.nullable(),
  unit: z.string(),
  taxRateBp: z.number(),
  status: z.enum(PRODUCT_STATUSES),
  description: z.string().nullable(),
  externalCode: z.string().nullable(),
  skus: z.array(sku),
});
export type Product = z.infer<typeof product>;
export const productListQuery = listQuery.extend({
  categoryId: idSchema.optional(),
  status: z.enum(PRODUCT_STATUSES).optional(),
});

/** One price of a SKU in a list; `minQuantity` > 1 makes it a quantity tier. */
export const priceItemBody = z.strictObject({
  skuId: idSchema,
  price: priceFen,
  minQuantity: quantitySchema.default(1),
});
export const priceListBody = z.strictObject({
  name: requiredText('价目表名称'),
  currency: z.enum(CURRENCIES).default('CNY'),
  isDefault: z.boolean().default(false),
  /** Applies only to customers of this grade (null = any). */
  customerGrade: optionalText('客户等级', 20).nullable(),
  /** Applies only to customers in this region (null = any). */
  region: optionalText('区域', 50).nullable(),
  validFrom: calendarDate.nullable().optional(),
  validTo: calendarDate.nullable().optional(),
  priority: z.number().int().min(0).max(1000).default(0),
  status: z.enum(PRICE_LIST_STATUSES).default('active'),
  externalCode: code('外部编码').optional(),
  items: z.array(priceItemBody).max(5000, { error: '一次最多 5000 条价格' }).optional(),
});
export const priceListPatch = priceListBody.partial();
export const priceItem = z.object({ skuId: idSchema, price: z.number(), minQuantity: z.number() });
export const priceList = z.object({
  id: idSchema,
  name: z.string(),
  currency: z.enum(CURRENCIES),
  isDefault: z.boolean(),
  customerGrade: z.string().nullable(),
  region: z.string().nullable(),
  validFrom: z.string().nullable(),
  validTo: z.string().nullable(),
  priority: z.number(),
  status: z.enum(PRICE_LIST_STATUSES),
  externalCode: z.string().nullable(),
  items: z.array(priceItem).optional(),
});
export type PriceList = z.infer<typeof priceList>;

export const priceResolveQuery = z.object({
  skuId: idSchema,
  quantity: z.coerce.number({ error: '数量必须是数字' }).pipe(quantitySchema).default(1),
  customerId: idSchema.optional(),
  customerGrade: optionalText('客户等级', 20),
  region: optionalText('区域', 50),
  date: calendarDate.optional(),
});
export const resolvedPrice = z.object({
  skuId: idSchema,
  priceListId: idSchema,
  priceListName: z.string(),
  price: z.number(),
  currency: z.enum(CURRENCIES),
  minQuantity: z.number(),
});
export type ResolvedPrice = z.infer<typeof resolvedPrice>;

/** ERP master-data sync: upsert by external code; sending the same batch twice changes nothing. */
export const erpCatalogBody = z.strictObject({
  categories: z
    .array(z.strictObject({ externalCode: code('外部编码'), name: requiredText('分类名称'), parentExternalCode: code('上级分类编码').optional() }))
    .max(CATALOG_LIMITS.erpBatchMax)
    .default([]),
  products: z
    .array(
      z.strictObject({
        externalCode: code('外部编码'),
        code: code('产品编码').optional(),
        name: requiredText('产品名称'),
        categoryExternalCode: code('分类编码').optional(),
        unit: requiredText('单位', 20).default('个'),
        taxRateBp: taxRateBp.default(1300),
        status: z.enum(PRODUCT_STATUSES).default('active'),
        description: optionalText('产品说明', LIMITS.longTextMax),
        skus: z
          .array(
            z.strictObject({
              externalCode: code('外部编码'),
              code: code('SKU 编码').optional(),
              name: requiredText('SKU 名称'),
              specs: z.record(z.string().max(50), z.string().max(100)).optional(),
              unit: optionalText('单位', 20),
              status: z.enum(PRODUCT_STATUSES).default('active'),
            }),
          )
          .max(200)
          .default([]),
      }),
    )
    .max(CATALOG_LIMITS.erpBatchMax)
    .default([]),
  priceLists: z
    .array(
      priceListBody.omit({ items: true, externalCode: true }).extend({
        externalCode: code('外部编码'),
        items: z.array(z.strictObject({ skuExternalCode: code('SKU 外部编码'), price: priceFen, minQuantity: quantitySchema.default(1) })).max(5000),
      }),
    )
    .max(50)
    .default([]),
});
export const erpCatalogResult = z.object({
  categories: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  products: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  skus: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
  priceLists: z.object({ created: z.number(), updated: z.number(), unchanged: z.number() }),
});
