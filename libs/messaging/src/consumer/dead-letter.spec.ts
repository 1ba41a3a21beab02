import { deadLetterFor } from './dead-letter';

const message = (value: string, headers: Record<string, string> = {}) => ({ topic: 'offers.offer', partition: 1, offset: '42', key: 'k', value, headers, timestamp: '0' });

describe('dead letters', () => {
  it('keeps a message of ordinary size whole, with where it came from and why', () => {
    const letter = deadLetterFor(message('{"not":"an event"}', { 'event-type': 'X' }), 'offers', 'invalid envelope', 0);
    expect(letter.topic).toBe('offers.offer.dlq');
    expect(letter.message.value).toBe('{"not":"an event"}');
    expect(letter.message.headers).toMatchObject({ 'event-type': 'X', 'dlq-reason': 'invalid envelope', 'dlq-original-offset': '42', 'dlq-original-size': '18' });
    expect(letter.message.headers?.['dlq-truncated']).toBeUndefined();
  });

  it('turns a message too large to copy into a small record with its size and head', () => {
    const big = 'x'.repeat(1_000_000);
    const letter = deadLetterFor(message(big, { huge: 'h'.repeat(100_000) }), 'offers', 'malformed JSON', 0);
    expect(Buffer.byteLength(letter.message.value as string)).toBeLessThan(2000);
    expect(JSON.parse(letter.message.value as string)).toEqual({ truncated: true, size: 1_000_000, head: 'x'.repeat(1024) });
    expect(letter.message.headers).toMatchObject({ 'dlq-truncated': 'true', 'dlq-original-size': '1000000' });
    expect(letter.message.headers?.huge).toHaveLength(1024);
  });
});
