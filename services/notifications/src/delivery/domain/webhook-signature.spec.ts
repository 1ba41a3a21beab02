import { retryDelayMs, signPayload, verifySignature } from './webhook-signature';

describe('webhook signature', () => {
  const now = Date.parse('2026-11-23T10:00:00Z');
  const t = now / 1000;
  const body = '{"kind":"closure-or-reduction"}';

  it('verifies with the right secret and body', () => {
    expect(verifySignature('s3cret', signPayload('s3cret', t, body), body, now)).toBe(true);
  });

  it('fails with another secret, a changed body, a changed timestamp or an old timestamp', () => {
    const header = signPayload('s3cret', t, body);
    expect(verifySignature('other', header, body, now)).toBe(false);
    expect(verifySignature('s3cret', header, body.replace('closure', 'vacancy'), now)).toBe(false);
    expect(verifySignature('s3cret', header.replace(`t=${t}`, `t=${t + 1}`), body, now)).toBe(false);
    expect(verifySignature('s3cret', header, body, now + 301_000)).toBe(false);
    expect(verifySignature('s3cret', undefined, body, now)).toBe(false);
  });

  it('backs off exponentially up to a cap', () => {
    expect([1, 2, 3, 4].map((a) => retryDelayMs(a, 1000))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelayMs(30, 1000, 60_000)).toBe(60_000);
  });
});
