import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthGuard } from './auth.guard';
import { authConfigFromEnv, TokenVerifier } from './token-verifier';

/** Every HTTP route of the importing app requires a valid token, except `@Public()` ones. */
@Global()
@Module({
  providers: [
    { provide: TokenVerifier, useFactory: () => new TokenVerifier(authConfigFromEnv()) },
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  exports: [TokenVerifier],
})
export class AuthModule {}
