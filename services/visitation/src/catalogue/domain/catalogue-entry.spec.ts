import { loadExampleEvent } from '@tilbudsnet/contracts';
import { applyOfferEvent, type CatalogueEntry } from './catalogue-entry';

const registered = loadExampleEvent('OfferRegistered');
const capacityChanged = loadExampleEvent('CapacityChanged');

function entryAfterRegistration(): CatalogueEntry {
  const change = applyOfferEvent(null, registered);
  if (change.kind !== 'upsert') throw new Error('expected upsert');
  return change.entry;
}

describe('the catalogue entry of an offer', () => {
  it('starts from the example OfferRegistered message', () => {
    expect(entryAfterRegistration()).toEqual({ offer: registered.payload.offer, version: 1 });
  });

  it('takes the figures of the example CapacityChanged message', () => {
    const change = applyOfferEvent(entryAfterRegistration(), capacityChanged);
    expect(change).toMatchObject({ kind: 'upsert', entry: { version: 3, offer: { capacity: capacityChanged.payload.capacity } } });
  });

  it('ignores an event it has already applied or one older than its state', () => {
    const current = { ...entryAfterRegistration(), version: 3 };
    expect(applyOfferEvent(current, capacityChanged)).toEqual({ kind: 'stale' });
    expect(applyOfferEvent(current, { ...capacityChanged, aggregateVersion: 2 })).toEqual({ kind: 'stale' });
  });

  it('cannot change the capacity of an offer it never saw registered', () => {
    expect(applyOfferEvent(null, capacityChanged)).toEqual({ kind: 'unknown-offer' });
  });
});
