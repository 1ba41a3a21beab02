import { competingCapacity, sharesBelowAgreement, type ProtectedOffer } from './protected-offer-rules';

const guarded: ProtectedOffer = { offerId: 'p', targetGroup: 'autism', regionCode: '1082', paragraphs: ['108'], agreedShares: { '0751': 3, '0740': 1 } };
const own = { approved: 20, occupied: 17 };

describe('competingCapacity', () => {
  it('fires when another offer in the region registers places for the same target group and paragraph', () => {
    const outcome = competingCapacity(guarded, { offerId: 'c', regionCode: '1082', targetGroups: ['autism', 'adhd'], before: {}, after: { '108': 12 } }, own);
    expect(outcome).toEqual({ fires: true, figures: { addedPlaces: 12, competitorApprovedAfter: 12, protectedApproved: 20, protectedOccupied: 17 }, threshold: 0 });
  });

  it('counts only places added under the shared paragraphs', () => {
    const outcome = competingCapacity(guarded, { offerId: 'c', regionCode: '1082', targetGroups: ['autism'], before: { '108': 10, '107': 4 }, after: { '108': 13, '107': 9 } }, own);
    expect(outcome.figures.addedPlaces).toBe(3);
    expect(outcome.fires).toBe(true);
  });

  it.each([
    ['the protected offer itself', { offerId: 'p', regionCode: '1082', targetGroups: ['autism'], before: {}, after: { '108': 5 } }],
    ['another region', { offerId: 'c', regionCode: '1084', targetGroups: ['autism'], before: {}, after: { '108': 5 } }],
    ['another target group', { offerId: 'c', regionCode: '1082', targetGroups: ['adhd'], before: {}, after: { '108': 5 } }],
    ['another paragraph', { offerId: 'c', regionCode: '1082', targetGroups: ['autism'], before: {}, after: { '107': 5 } }],
    ['fewer places', { offerId: 'c', regionCode: '1082', targetGroups: ['autism'], before: { '108': 8 }, after: { '108': 6 } }],
  ])('is silent for %s', (_, change) => {
    expect(competingCapacity(guarded, change, own).fires).toBe(false);
  });
});

describe('sharesBelowAgreement', () => {
  it('names each municipality below its agreed placements, with how many are missing', () => {
    const result = sharesBelowAgreement(guarded, { '0751': 2, '0740': 1, '0101': 4 });
    expect(result).toEqual([
      { municipality: '0751', outcome: { fires: true, figures: { agreedPlacements: 3, actualPlacements: 2, missing: 1 }, threshold: 3 } },
      { municipality: '0740', outcome: { fires: false, figures: { agreedPlacements: 1, actualPlacements: 1, missing: 0 }, threshold: 1 } },
    ]);
  });

  it('counts a municipality with no placement at all as zero', () => {
    expect(sharesBelowAgreement(guarded, {})[1].outcome).toMatchObject({ fires: true, figures: { actualPlacements: 0, missing: 1 } });
  });
});
