export * from './docker-available';
export * from './test-kafka';
export * from './test-database';
export * from './event-collector';
export * from './wait-until';
export * from './test-identity';
export * from './mail-catcher';
export * from './service-process';
