// The one entry of the schema: drizzle-kit and the db client read it. Add one line per aggregate.
export * from './corps';
export * from './org';
export * from './sessions';
export * from './audit';
export * from './idempotency';
export * from './wecom';
export * from './wecom-platform';
export * from './pools';
export * from './customers';
export * from './contacts';
export * from './leads';
export * from './follow_ups';
export * from './ownership_actions';
export * from './approvals';
export * from './files';
export * from './expenses';
export * from './reports';
