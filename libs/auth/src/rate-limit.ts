import { createHash } from 'node:crypto';

/** `<per second>/<burst>`, e.g. `200/1000`: the refill rate and the bucket's size. */
export function rateFromEnv(text: string | undefined, fallback: { perSecond: number; burst: number }): { perSecond: number; burst: number } {
  const match = /^(\d+(?:\.\d+)?)\/(\d+)$/.exec(text ?? '');
  return match ? { perSecond: Number(match[1]), burst: Number(match[2]) } : fallback;
}

/**
 * Token buckets per client key: `burst` requests at once, then `perSecond`. Plain logic with the
 * clock passed in; at most `maxKeys` clients are remembered (the fullest buckets are the ones
 * forgotten first, since forgetting them costs nothing).
 */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly rate: { perSecond: number; burst: number }, private readonly maxKeys = 100_000) {}

  /** Takes one request for `key`: null when allowed, else the seconds to wait (Retry-After). */
  take(key: string, now = Date.now()): number | null {
    const bucket = this.buckets.get(key) ?? { tokens: this.rate.burst, at: now };
    bucket.tokens = Math.min(this.rate.burst, bucket.tokens + ((now - bucket.at) / 1000) * this.rate.perSecond);
    bucket.at = now;
    this.buckets.delete(key);
    this.buckets.set(key, bucket);
    if (this.buckets.size > this.maxKeys) this.buckets.delete(this.buckets.keys().next().value as string);
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return null;
    }
    return Math.max(1, Math.ceil((1 - bucket.tokens) / this.rate.perSecond));
  }
}

/** Whom a request counts against: its bearer token (one principal), else its address. */
export function clientKeyOf(req: { headers: Record<string, string | string[] | undefined>; socket?: { remoteAddress?: string } }): string {
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return `token:${createHash('sha256').update(auth).digest('base64url').slice(0, 22)}`;
  return `address:${req.socket?.remoteAddress ?? 'unknown'}`;
}

/** Express-style middleware answering 429 with Retry-After (and the one error shape) past the limit. */
export function rateLimitMiddleware(limiter: RateLimiter, keyOf = clientKeyOf) {
  return (req: Parameters<typeof clientKeyOf>[0], res: { status(n: number): { json(b: unknown): void }; setHeader(k: string, v: string): void }, next: () => void): void => {
    const wait = limiter.take(keyOf(req));
    if (wait === null) return next();
    res.setHeader('retry-after', String(wait));
    res.status(429).json({ statusCode: 429, code: 'rate-limited', error: 'Too Many Requests', message: `too many requests; try again in ${wait} s`, violations: [] });
  };
}
