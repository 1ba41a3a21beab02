import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { EventCause } from '@tilbudsnet/contracts';
import { randomUUID } from 'node:crypto';
import type { Request } from 'express';

export const CORRELATION_HEADER = 'x-correlation-id';

/** The correlation id of a request: the caller's `x-correlation-id`, else a new one (kept on the request). */
export function correlationIdOf(request: Request & { correlationId?: string }): string {
  if (!request.correlationId) {
    const given = request.header(CORRELATION_HEADER);
    request.correlationId = given && /^[\w.-]{1,100}$/.test(given) ? given : randomUUID();
  }
  return request.correlationId;
}

/** `@RequestCause() cause: EventCause`: what events caused by this request carry. */
export const RequestCause = createParamDecorator((_: unknown, ctx: ExecutionContext): EventCause => {
  const request = ctx.switchToHttp().getRequest<Request>();
  const correlationId = correlationIdOf(request);
  return { correlationId, causationId: correlationId };
});
