/**
 * Principals of tokens already verified, so a busy client's every request does not pay for an RSA
 * signature check. An entry lives until the token expires (with the verifier's clock tolerance) or
 * `maxAgeMs` passes, whichever is first: a key withdrawn from the provider's JWKS stops working
 * within `maxAgeMs`. Bounded: the oldest entries go first.
 */
export class TokenCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; toleranceMs: number }) {}

  get(token: string, now = Date.now()): T | undefined {
    const entry = this.entries.get(token);
    if (!entry) return undefined;
    if (entry.until <= now) {
      this.entries.delete(token);
      return undefined;
    }
    return entry.value;
  }

  /** `expiresAt` in seconds since the epoch (the token's `exp`). */
  set(token: string, value: T, expiresAt: number, now = Date.now()): void {
    const until = Math.min(expiresAt * 1000 + this.options.toleranceMs, now + this.options.maxAgeMs);
    if (until <= now) return;
    this.entries.delete(token);
    this.entries.set(token, { value, until });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
  }

  get size(): number {
    return this.entries.size;
  }
}
