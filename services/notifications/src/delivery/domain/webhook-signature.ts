import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures: HMAC-SHA256 over `<timestamp>.<body>` with the webhook's secret, sent as
 * `X-Tilbudsnet-Signature: t=<unix seconds>,v1=<hex>`. The timestamp is signed so a captured
 * request cannot be replayed later; receivers reject old timestamps.
 */
export const SIGNATURE_HEADER = 'x-tilbudsnet-signature';

export function signPayload(secret: string, timestamp: number, body: string): string {
  const digest = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
  return `t=${timestamp},v1=${digest}`;
}

/** The receiver's check: right secret, untouched body, timestamp within `toleranceSeconds` of now. */
export function verifySignature(secret: string, header: string | undefined, body: string, now = Date.now(), toleranceSeconds = 300): boolean {
  const parts = Object.fromEntries((header ?? '').split(',').map((part) => part.split('=', 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || !parts.v1) return false;
  if (Math.abs(now / 1000 - timestamp) > toleranceSeconds) return false;
  const expected = Buffer.from(signPayload(secret, timestamp, body).split('v1=')[1], 'hex');
  const given = Buffer.from(parts.v1, 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Exponential backoff: base, 2×base, 4×base … capped at `maxMs`. `attempt` counts from 1. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs = 3_600_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
