import { loadExampleEvent, type EventOf } from '@tilbudsnet/contracts';
import { replacementFrom } from './replacement';

describe('re-placement after an offer closes or shrinks', () => {
  it('re-places every running placement from the day a closure takes effect', () => {
    const closure = loadExampleEvent('OfferClosureAnnounced') as EventOf<'OfferClosureAnnounced'>;
    expect(replacementFrom(closure)).toBe(closure.payload.effectiveDate);
  });

  it('re-places only when a reduction leaves fewer places than residents', () => {
    const example = loadExampleEvent('OfferAdjustmentAnnounced') as EventOf<'OfferAdjustmentAnnounced'>;
    expect(replacementFrom({ ...example, payload: { ...example.payload, placementsAffected: 2 } })).toBe(example.payload.effectiveDate);
    expect(replacementFrom({ ...example, payload: { ...example.payload, placementsAffected: 0 } })).toBeNull();
  });
});
