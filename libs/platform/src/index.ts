export * from './service-config';
export * from './database.module';
export * from './health.controller';
export * from './validation';
export * from './bootstrap';
export * from './rule-violation.filter';
export * from './request-cause';
export * from './logging';
