import { median, supplyRows } from './supply-figures';

describe('supply figures', () => {
  const asOf = new Date('2026-11-23T00:00:00Z');
  const offer = (offerId: string, overrides = {}) => ({
    offerId, municipalityCode: '0751', regionCode: '1082', targetGroups: ['autism'], paragraphs: [{ paragraph: '108', approvedPlaces: 10 }],
    status: 'active', closureDate: null, adjustment: null, ...overrides,
  });

  it('counts a group of alike placements as many, for occupancy, vacancy and cross-border placements', () => {
    const [row] = supplyRows({
      offers: [offer('a')],
      placements: [
        { offerId: 'a', targetGroup: 'autism', paragraph: '108', crossBorder: true, status: 'started', count: 4 },
        { offerId: 'a', targetGroup: 'autism', paragraph: '108', crossBorder: false, status: 'started', count: 3 },
        { offerId: 'a', targetGroup: 'autism', paragraph: '108', crossBorder: false, status: 'reserved', count: 2 },
      ],
      waiting: [], warnings: [], nationalCoordination: new Set(),
    }, asOf);
    expect(row).toMatchObject({ approved: 10, occupied: 7, reserved: 2, vacant: 1, crossBorderPlacements: 4 });
  });

  it('counts approved, occupied, reserved, vacant, waiting, closures and cross-border placements per region, target group and paragraph', () => {
    const rows = supplyRows({
      offers: [
        offer('a'),
        offer('b', { targetGroups: ['autism', 'deafblindness'], status: 'closure-announced', closureDate: '2027-03-01' }),
        offer('c', { adjustment: { paragraph: '108', approvedPlaces: 6, effectiveDate: '2027-02-01' } }),
        offer('gone', { status: 'closed' }),
      ],
      placements: [
        { offerId: 'a', targetGroup: 'autism', paragraph: '108', crossBorder: true, status: 'started', count: 1 },
        { offerId: 'a', targetGroup: 'autism', paragraph: '108', crossBorder: false, status: 'started', count: 1 },
        { offerId: 'a', targetGroup: 'autism', paragraph: '108', crossBorder: true, status: 'reserved', count: 1 },
        { offerId: 'b', targetGroup: 'deafblindness', paragraph: '108', crossBorder: true, status: 'started', count: 1 },
        { offerId: 'a', targetGroup: 'autism', paragraph: '108', crossBorder: true, status: 'ended', count: 1 },
      ],
      waiting: [
        { targetGroup: 'autism', paragraph: '108', regionCode: '1082', addedAt: new Date('2026-11-13T00:00:00Z') },
        { targetGroup: 'autism', paragraph: '108', regionCode: '1082', addedAt: new Date('2026-11-03T00:00:00Z') },
      ],
      warnings: [{ regionCode: '1082', targetGroups: ['deafblindness'] }],
      nationalCoordination: new Set(['deafblindness']),
    }, asOf);
    expect(rows).toEqual([
      {
        regionCode: '1082', targetGroup: 'autism', paragraph: '108', nationalCoordination: false, approved: 30, occupied: 2, reserved: 1,
        // a: 10 - 3 held; b is not admitting; c: 10.
        vacant: 17, waiting: 2, medianWaitDays: 15, closuresAnnounced: 1, placesClosingOrReduced: 14, openEarlyWarnings: 0, crossBorderPlacements: 1,
      },
      {
        regionCode: '1082', targetGroup: 'deafblindness', paragraph: '108', nationalCoordination: true, approved: 10, occupied: 1, reserved: 0,
        vacant: 0, waiting: 0, medianWaitDays: null, closuresAnnounced: 1, placesClosingOrReduced: 10, openEarlyWarnings: 1, crossBorderPlacements: 1,
      },
    ]);
  });

  it('takes the median of an even and an odd count', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});
