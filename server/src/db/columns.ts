import { bigint, customType, datetime } from 'drizzle-orm/mysql-core';

/** Auto-increment primary key; exposed to clients as a decimal string. */
export const pk = () => bigint('id', { mode: 'number', unsigned: true }).autoincrement().primaryKey();

/** A BIGINT UNSIGNED reference column (add `.references()` at the use site). */
export const ref = (name: string) => bigint(name, { mode: 'number', unsigned: true });

/** UTC timestamp with millisecond precision (the session time zone is pinned to +00:00). */
export const utc = (name: string) => datetime(name, { mode: 'date', fsp: 3 });

/** created_at / updated_at, set by the application so they never depend on the server's zone. */
export const timestamps = () => ({
  createdAt: utc('created_at')
    .notNull()
    .$defaultFn(() => new Date()),
  updatedAt: utc('updated_at')
    .notNull()
    .$defaultFn(() => new Date())
    .$onUpdateFn(() => new Date()),
});

/**
 * JSON column that works on MySQL 8 (native JSON, driver returns objects) and MariaDB (JSON is
 * LONGTEXT, driver returns strings).
 */
export const json = <T>(name: string) =>
  customType<{ data: T; driverData: string }>({
    dataType: () => 'json',
    toDriver: (value: T) => JSON.stringify(value),
    fromDriver: (value: unknown) => (typeof value === 'string' ? (JSON.parse(value) as T) : (value as T)),
  })(name);

/** Money in minor units (fen). */
export const moneyCol = (name: string) => bigint(name, { mode: 'number' });
