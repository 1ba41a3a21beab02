import { BadRequestException, createParamDecorator, type ExecutionContext } from '@nestjs/common';

export const PURPOSE_HEADER = 'x-purpose';

/**
 * `@Purpose() purpose: string`: why the caller reads citizen data, from the `X-Purpose` header.
 * Required wherever citizen data is read or written, because the audit record must say why.
 */
export const Purpose = createParamDecorator((_: unknown, ctx: ExecutionContext): string => {
  const value = ctx.switchToHttp().getRequest<{ headers: Record<string, string | undefined> }>().headers[PURPOSE_HEADER]?.trim();
  if (!value || value.length > 200) {
    const message = `header ${PURPOSE_HEADER} must state the purpose of the access (1-200 characters)`;
    throw new BadRequestException({ statusCode: 400, error: 'Bad Request', message, violations: [{ field: PURPOSE_HEADER, rule: 'required', message }] });
  }
  return value;
});
