import { BadRequestException } from '@nestjs/common';
import { HostileInputPipe } from './hostile-input.pipe';

const pipe = new HostileInputPipe();
const body = { type: 'body' as const };

function violation(value: unknown, meta: Parameters<HostileInputPipe['transform']>[1] = body): { field: string; rule: string } | null {
  try {
    pipe.transform(value, meta);
    return null;
  } catch (error) {
    return ((error as BadRequestException).getResponse() as { violations: { field: string; rule: string }[] }).violations[0];
  }
}

describe('input no field of ours may hold', () => {
  it('refuses NUL and other control characters, naming the field', () => {
    expect(violation({ name: 'Ole\u0000' })).toMatchObject({ field: 'name', rule: 'no-control-characters' });
    expect(violation({ needs: { notes: ['ok', 'bad\u0007'] } })).toMatchObject({ field: 'needs.notes[1]', rule: 'no-control-characters' });
    expect(violation('2027\u0000', { type: 'query', data: 'month' })).toMatchObject({ field: 'month', rule: 'no-control-characters' });
  });

  it('refuses lone surrogates and keeps real emoji and Danish letters', () => {
    expect(violation({ name: 'a\uD800b' })).toMatchObject({ field: 'name', rule: 'valid-unicode' });
    expect(violation({ name: '\uDC00' })).toMatchObject({ rule: 'valid-unicode' });
    expect(violation({ name: 'Æble Ø Å 😀\tline\nline' })).toBeNull();
  });

  it('refuses JSON nested thousands deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(violation({ x: deep })).toMatchObject({ rule: 'max-depth' });
  });

  it('refuses a query parameter given more than once, naming it', () => {
    expect(violation({ limit: ['1', '2'], offset: '0' }, { type: 'query' })).toMatchObject({ field: 'limit', rule: 'given-once' });
    expect(violation(['2026-01', '2026-02'], { type: 'query', data: 'month' })).toMatchObject({ field: 'month', rule: 'given-once' });
    expect(violation({ limit: '1', offset: '0' }, { type: 'query' })).toBeNull();
    expect(violation({ months: ['2026-01', '2026-02'] })).toBeNull(); // a body may hold lists
  });

  it('refuses numbers a 64-bit float cannot hold exactly', () => {
    expect(violation({ approvedPlaces: 1e30 })).toMatchObject({ field: 'approvedPlaces', rule: 'number-in-range' });
    expect(violation({ approvedPlaces: 12 })).toBeNull();
  });
});
