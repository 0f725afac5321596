import { bigint, boolean, date, index, int, mysqlEnum, mysqlTable, text, uniqueIndex, varchar, type AnyMySqlColumn } from 'drizzle-orm/mysql-core';
import { CURRENCIES, PRICE_LIST_STATUSES, PRODUCT_STATUSES } from '@scrm/shared';
import { json, moneyCol, pk, ref, timestamps } from '../columns';
import { tenant } from './corps';

/** Product categories (a tree by parent). */
export const productCategories = mysqlTable(
  'product_categories',
  {
    id: pk(),
    ...tenant(),
    parentId: ref('parent_id').references((): AnyMySqlColumn => productCategories.id),
    name: varchar('name', { length: 100 }).notNull(),
    code: varchar('code', { length: 64 }),
    externalCode: varchar('external_code', { length: 64 }),
    sortOrder: int('sort_order').notNull().default(0),
    ...timestamps(),
  },
  (t) => [
    // serves: ERP upsert by external code
    uniqueIndex('product_categories_corp_ext_uq').on(t.corpId, t.externalCode),
    // serves: category tree listing
    index('product_categories_corp_parent_idx').on(t.corpId, t.parentId),
  ],
);

/** Products (SPU): the sellable thing; prices are per SKU. */
export const products = mysqlTable(
  'products',
  {
    id: pk(),
    ...tenant(),
    categoryId: ref('category_id').references(() => productCategories.id),
    code: varchar('code', { length: 64 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    unit: varchar('unit', { length: 20 }).notNull(),
    /** Tax rate in basis points (1300 = 13%). */
    taxRateBp: int('tax_rate_bp').notNull().default(1300),
    status: mysqlEnum('status', PRODUCT_STATUSES).notNull().default('active'),
    description: text('description'),
    externalCode: varchar('external_code', { length: 64 }),
    ...timestamps(),
  },
  (t) => [
    // serves: product code uniqueness and lookup
    uniqueIndex('products_corp_code_uq').on(t.corpId, t.code),
    // serves: ERP upsert by external code
    uniqueIndex('products_corp_ext_uq').on(t.corpId, t.externalCode),
    // serves: product list by category/status
    index('products_corp_cat_idx').on(t.corpId, t.categoryId, t.status),
  ],
);

/** SKUs of a product with their specs (规格). */
export const productSkus = mysqlTable(
  'product_skus',
  {
    id: pk(),
    ...tenant(),
    productId: ref('product_id').notNull().references(() => products.id),
    code: varchar('code', { length: 64 }).notNull(),
    name: varchar('name', { length: 100 }).notNull(),
    specs: json<Record<string, string>>('specs').notNull().$defaultFn(() => ({})),
    /** Overrides the product's unit when set. */
    unit: varchar('unit', { length: 20 }),
    status: mysqlEnum('status', PRODUCT_STATUSES).notNull().default('active'),
    externalCode: varchar('external_code', { length: 64 }),
    ...timestamps(),
  },
  (t) => [
    // serves: SKU code uniqueness
    uniqueIndex('product_skus_corp_code_uq').on(t.corpId, t.code),
    // serves: ERP upsert by external code
    uniqueIndex('product_skus_corp_ext_uq').on(t.corpId, t.externalCode),
    // serves: SKUs of a product
    index('product_skus_product_idx').on(t.productId),
  ],
);

/** Price lists: default, or restricted by customer grade / region / validity dates. */
export const priceLists = mysqlTable(
  'price_lists',
  {
    id: pk(),
    ...tenant(),
    name: varchar('name', { length: 100 }).notNull(),
    currency: mysqlEnum('currency', CURRENCIES).notNull().default('CNY'),
    isDefault: boolean('is_default').notNull().default(false),
    customerGrade: varchar('customer_grade', { length: 20 }),
    region: varchar('region', { length: 50 }),
    validFrom: date('valid_from', { mode: 'string' }),
    validTo: date('valid_to', { mode: 'string' }),
    priority: int('priority').notNull().default(0),
    status: mysqlEnum('status', PRICE_LIST_STATUSES).notNull().default('active'),
    externalCode: varchar('external_code', { length: 64 }),
    ...timestamps(),
  },
  (t) => [
    // serves: ERP upsert by external code
    uniqueIndex('price_lists_corp_ext_uq').on(t.corpId, t.externalCode),
    // serves: candidate lists for price resolution
    index('price_lists_corp_status_idx').on(t.corpId, t.status),
  ],
);

/** One price of a SKU in a list; several rows with different min quantities form tiers. */
export const priceListItems = mysqlTable(
  'price_list_items',
  {
    id: pk(),
    priceListId: ref('price_list_id').notNull().references(() => priceLists.id),
    skuId: ref('sku_id').notNull().references(() => productSkus.id),
    price: moneyCol('price').notNull(),
    /** Minimum quantity for this tier, in thousandths of a unit (1000 = 1). */
    minQuantityMilli: bigint('min_quantity_milli', { mode: 'number' }).notNull().default(1000),
  },
  (t) => [
    // serves: price resolution (list, sku) → tiers; one price per tier
    uniqueIndex('price_list_items_list_sku_tier_uq').on(t.priceListId, t.skuId, t.minQuantityMilli),
    // serves: which lists price a SKU
    index('price_list_items_sku_idx').on(t.skuId),
  ],
);

/** A priced line of an opportunity or quote: the SKU snapshot, its list price and the discounted amount. */
export const pricedLineColumns = () => ({
  skuId: ref('sku_id').notNull().references(() => productSkus.id),
  productName: varchar('product_name', { length: 100 }).notNull(),
  skuName: varchar('sku_name', { length: 100 }).notNull(),
  unit: varchar('unit', { length: 20 }).notNull(),
  priceListId: ref('price_list_id').references(() => priceLists.id),
  listPrice: moneyCol('list_price').notNull(),
  quantityMilli: bigint('quantity_milli', { mode: 'number' }).notNull(),
  discountBp: int('discount_bp').notNull().default(0),
  amount: moneyCol('amount').notNull(),
  remark: varchar('remark', { length: 200 }),
  sortOrder: int('sort_order').notNull().default(0),
});
