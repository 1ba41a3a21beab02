/** Delay before retry `attempt` (1-based): exponential, capped. */
export function backoffDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** (attempt - 1));
}

/** A handler error that no retry can fix (the message itself is wrong): dead-letter at once. */
export class PermanentHandlerError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PermanentHandlerError';
  }
}

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND',
  '57P01', '57P02', '57P03', // PostgreSQL: admin shutdown, crash shutdown, cannot connect now
  '08000', '08003', '08006', '08001', '08004', // PostgreSQL connection exceptions
  '40001', '40P01', // serialization failure, deadlock: safe to retry
]);

/**
 * Errors of the infrastructure, not of the message: retried until they pass, because
 * dead-lettering valid events while the database restarts would lose them from read models.
 */
export function isTransientInfrastructureError(error: unknown): boolean {
  const e = error as { code?: string; driverError?: { code?: string }; message?: string } | undefined;
  const code = e?.code ?? e?.driverError?.code;
  if (code && TRANSIENT_CODES.has(code)) return true;
  const message = e?.message ?? '';
  return /Connection terminated|connection (is )?closed|terminating connection|Client has encountered a connection error/i.test(message);
}
