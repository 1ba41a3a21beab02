import type { EventOf, OfferSnapshot } from '@tilbudsnet/contracts';

/** What visitation keeps of an offer to search it while offers is down (read model). */
export interface CatalogueEntry {
  offer: OfferSnapshot;
  /** Aggregate version of the last event applied; older or repeated events change nothing. */
  version: number;
}

export type OfferEvent = EventOf<'OfferRegistered'> | EventOf<'OfferUpdated'> | EventOf<'CapacityChanged'>;

export type CatalogueChange = { kind: 'upsert'; entry: CatalogueEntry } | { kind: 'stale' } | { kind: 'unknown-offer' };

/**
 * Applies one offer event to the catalogue entry it concerns. Pure: the handler loads and saves.
 * Versions make replays from the start of the topic end in the same state.
 */
export function applyOfferEvent(current: CatalogueEntry | null, event: OfferEvent): CatalogueChange {
  if (current && event.aggregateVersion <= current.version) return { kind: 'stale' };
  switch (event.type) {
    case 'OfferRegistered':
    case 'OfferUpdated':
      return { kind: 'upsert', entry: { offer: event.payload.offer, version: event.aggregateVersion } };
    case 'CapacityChanged':
      if (!current) return { kind: 'unknown-offer' };
      return {
        kind: 'upsert',
        entry: {
          version: event.aggregateVersion,
          offer: { ...current.offer, capacity: event.payload.capacity, paragraphs: event.payload.paragraphs },
        },
      };
    default: {
      const exhaustive: never = event;
      return exhaustive;
    }
  }
}
