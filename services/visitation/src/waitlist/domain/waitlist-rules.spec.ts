import { joinsWaitlistAfter, reviewHorizon, waitlistRegionFor } from './waitlist-rules';

describe('the waiting list and the worklist', () => {
  it('waits in the region the officer asked for, else in the region of the offer that had no place', () => {
    expect(waitlistRegionFor({ preferredRegion: '1084' }, { regionCode: '1082' })).toBe('1084');
    expect(waitlistRegionFor({}, { regionCode: '1082' })).toBe('1082');
    expect(waitlistRegionFor({ preferredRegion: null }, null)).toBeNull();
  });

  it('puts a case on the waiting list only after a refusal for want of a place', () => {
    expect(joinsWaitlistAfter('no-vacancy')).toBe(true);
    for (const reason of ['unknown-offer', 'not-admitting', 'paragraph-not-offered', 'target-group-not-served']) expect(joinsWaitlistAfter(reason)).toBe(false);
  });

  it('shows reviews due in the next 30 days', () => {
    expect(reviewHorizon(new Date('2026-11-23T10:00:00Z'))).toBe('2026-12-23');
    expect(reviewHorizon(new Date('2027-02-10T00:00:00Z'))).toBe('2027-03-12');
  });
});
