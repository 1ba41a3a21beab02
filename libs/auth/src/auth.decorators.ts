import { createParamDecorator, SetMetadata, type ExecutionContext } from '@nestjs/common';
import type { Principal, Role } from './principal';

export const IS_PUBLIC = 'tilbudsnet:public';
export const ROLES_KEY = 'tilbudsnet:roles';

/** A route that needs no token (health, docs). Every other route needs one. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);

/**
 * The roles that may call a route. A route with neither `@Roles` nor `@Public` is refused to
 * everyone: a new endpoint is closed until someone decides who may use it.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, roles);

/** `@CurrentPrincipal() principal: Principal`: who is calling. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
