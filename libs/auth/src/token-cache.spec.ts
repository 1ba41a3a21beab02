import { TokenCache } from './token-cache';

const cache = () => new TokenCache<string>({ maxEntries: 3, maxAgeMs: 60_000, toleranceMs: 5_000 });
const NOW = 1_800_000_000_000;

it('gives back a verified token until it expires (with the tolerance), then forgets it', () => {
  const c = cache();
  c.set('t', 'officer', NOW / 1000 + 10, NOW);
  expect(c.get('t', NOW + 14_999)).toBe('officer');
  expect(c.get('t', NOW + 15_000)).toBeUndefined();
  expect(c.size).toBe(0);
});

it('keeps a long-lived token at most maxAge, so a withdrawn key stops working soon', () => {
  const c = cache();
  c.set('t', 'officer', NOW / 1000 + 3600, NOW);
  expect(c.get('t', NOW + 59_999)).toBe('officer');
  expect(c.get('t', NOW + 60_000)).toBeUndefined();
});

it('does not keep a token that is already past its time', () => {
  const c = cache();
  c.set('t', 'officer', NOW / 1000 - 10, NOW);
  expect(c.get('t', NOW)).toBeUndefined();
});

it('holds at most maxEntries, dropping the oldest', () => {
  const c = cache();
  for (const t of ['a', 'b', 'c', 'd']) c.set(t, t, NOW / 1000 + 3600, NOW);
  expect(c.size).toBe(3);
  expect(c.get('a', NOW)).toBeUndefined();
  expect(c.get('d', NOW)).toBe('d');
});
