export * from './principal';
export * from './access-rules';
export * from './token-verifier';
export * from './auth.decorators';
export * from './auth.guard';
export * from './auth.module';
export * from './dev-identity/demo-users';
export * from './dev-identity/dev-identity-provider';
