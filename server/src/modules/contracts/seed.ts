export async function seedContracts(): Promise<void> {}
