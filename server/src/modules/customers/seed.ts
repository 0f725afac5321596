import type { SeedContext } from '../types';

/** Demo book of customers (filled in below). */
export async function seedCustomersDemo(_ctx: SeedContext): Promise<void> {}
