import { droppedPackages, heldReason, packagesInUseFrom } from './package-decisions';

describe('packages in use and the tariffs that drop them', () => {
  const onP2800 = { endDate: null, packages: [{ effectiveDate: '2026-11-01', packageCode: 'p2800' }] };

  it('knows which packages a running placement uses from the new year on', () => {
    expect(packagesInUseFrom(onP2800, '2027-01-01')).toEqual(['p2800']);
    expect(packagesInUseFrom({ ...onP2800, endDate: '2026-12-31' }, '2027-01-01')).toEqual([]);
    expect(packagesInUseFrom({ endDate: null, packages: [{ effectiveDate: '2026-01-01', packageCode: 'base' }, { effectiveDate: '2027-03-01', packageCode: 'p2800' }] }, '2027-01-01')).toEqual(['base', 'p2800']);
    expect(packagesInUseFrom({ endDate: null, packages: [{ effectiveDate: '2026-01-01', packageCode: 'p2800' }, { effectiveDate: '2026-06-01', packageCode: 'base' }] }, '2027-01-01')).toEqual(['base']);
  });

  it('warns of a package running placements use that the new tariff lacks, counting the placements', () => {
    const warnings = droppedPackages(2027, { base: '1500.00', high: '1950.00' }, [onP2800, onP2800, { endDate: null, packages: [{ effectiveDate: '2026-01-01', packageCode: 'high' }] }]);
    expect(warnings).toEqual([expect.objectContaining({ rule: 'package-dropped', packageCode: 'p2800', placements: 2 })]);
    expect(warnings[0].message).toContain('Ydelsespakke p2800 findes ikke i takst 2027, men 2 igangværende anbringelser bruger den');
  });

  it('says nothing when the tariff prices every package in use, or the placement ended before the year', () => {
    expect(droppedPackages(2027, { base: '1500.00', p2800: '2800.00' }, [onP2800])).toEqual([]);
    expect(droppedPackages(2027, { base: '1500.00' }, [{ ...onP2800, endDate: '2026-12-31' }])).toEqual([]);
  });

  it('tells the reader why a month is held back and what ends it', () => {
    expect(heldReason({ packageCode: 'p2800', tariffYear: 2027, from: '2027-01-01', to: '2027-01-31', days: 31 }))
      .toBe('Ydelsespakke p2800 findes ikke i takst 2027 (31 dage, 2027-01-01 til 2027-01-31). Måneden afregnes ikke, før anbringelsen har fået en ydelsespakke, som taksten har, eller taksten får pakken.');
  });
});
