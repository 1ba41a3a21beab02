import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC = 'tilbudsnet:public';

/** Marks a controller or route that needs no token (health, docs). Everything else does. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC, true);
