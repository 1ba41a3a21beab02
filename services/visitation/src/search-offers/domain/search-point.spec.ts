import { RuleViolation } from '@tilbudsnet/contracts';
import { searchPointOf } from './search-point';

function refusal(criteria: Parameters<typeof searchPointOf>[0]): { field: string; rule: string } | undefined {
  try {
    searchPointOf(criteria);
    return undefined;
  } catch (error) {
    if (!(error instanceof RuleViolation)) throw error;
    return { field: error.field, rule: error.rule };
  }
}

describe('the point a search measures distance from', () => {
  it('is nowhere when none is given', () => {
    expect(searchPointOf({})).toBeUndefined();
  });

  it('takes coordinates as given', () => {
    expect(searchPointOf({ lat: 56.1, lon: 10.2 })).toEqual({ lat: 56.1, lon: 10.2, kind: 'point', exact: true });
  });

  it("measures from a municipality's seat, not the region's", () => {
    // Silkeborg (0740) lies in Midtjylland, whose seat is Viborg, 35 km away.
    expect(searchPointOf({ fromMunicipality: '0740' })).toMatchObject({ kind: 'municipality', place: { town: 'Silkeborg', postalCode: '8600' }, lat: 56.1697, lon: 9.5451 });
  });

  it('measures from a typed postal code, and says when it used the nearest listed one', () => {
    expect(searchPointOf({ fromPostalCode: '6880' })).toMatchObject({ kind: 'postal-code', place: { town: 'Tarm' }, exact: true });
    expect(searchPointOf({ fromPostalCode: '6893' })).toMatchObject({ kind: 'postal-code', place: { postalCode: '6880' }, exact: false });
  });

  it('refuses an unknown municipality or postal code, naming the field', () => {
    expect(refusal({ fromMunicipality: '0999' })).toEqual({ field: 'fromMunicipality', rule: 'municipality-known' });
    expect(refusal({ fromPostalCode: '3900' })).toEqual({ field: 'fromPostalCode', rule: 'postal-code-known' });
    expect(refusal({ fromPostalCode: '0800' })).toEqual({ field: 'fromPostalCode', rule: 'postal-code-known' });
  });

  it('refuses two points at once', () => {
    expect(refusal({ lat: 56, lon: 10, fromPostalCode: '8000' })).toEqual({ field: 'fromPostalCode', rule: 'one-search-point' });
    expect(refusal({ fromMunicipality: '0751', fromPostalCode: '8000' })).toEqual({ field: 'fromPostalCode', rule: 'one-search-point' });
  });
});
