import type { TilbudsnetEvent } from '@tilbudsnet/contracts';
import { PermanentHandlerError } from '@tilbudsnet/messaging';
import type { EntityManager } from 'typeorm';
import { recordOf } from './catalogue-offer.entity';
import { applyOfferEvent, type CatalogueEntry, type OfferEvent } from './domain/catalogue-entry';

/** The offer events that only keep the catalogue (when rebuilding, the waiting list is left alone). */
export const CATALOGUE_EVENT_TYPES = ['OfferRegistered', 'OfferUpdated', 'CapacityChanged'] as const;

/**
 * Applies a run of offer events to the catalogue with one read and one write: the rows of the
 * offers concerned are locked and read, the events folded over them in order with the same pure
 * `applyOfferEvent` the handlers use, and the offers that changed written back in one upsert.
 * An event for an offer never registered fails the run, which is then applied event by event so
 * that one event is dead-lettered. The live handlers apply their one event with it too. Returns the
 * offers that changed, as they now stand.
 */
export async function applyOfferEventsInBulk(events: TilbudsnetEvent[], manager: EntityManager): Promise<CatalogueEntry['offer'][]> {
  const ids = [...new Set(events.map((e) => e.aggregateId.toLowerCase()))];
  const rows: { offer_id: string; snapshot: CatalogueEntry['offer']; version: number }[] = await manager.query(
    'SELECT offer_id::text, snapshot, version FROM catalogue_offers WHERE offer_id = ANY($1::uuid[]) FOR UPDATE', [ids]);
  const entries = new Map<string, CatalogueEntry>(rows.map((r) => [r.offer_id, { offer: r.snapshot, version: r.version }]));
  const changed = new Set<string>();
  for (const event of events as OfferEvent[]) {
    const id = event.aggregateId.toLowerCase();
    const change = applyOfferEvent(entries.get(id) ?? null, event);
    if (change.kind === 'unknown-offer') throw new PermanentHandlerError(`${event.type} for offer ${event.aggregateId} that was never registered`);
    if (change.kind !== 'upsert') continue;
    entries.set(id, change.entry);
    changed.add(id);
  }
  if (!changed.size) return [];
  // One statement whatever the run's length: the rows as one JSON parameter (TypeORM's builder spent more than the database).
  const records = [...changed].map((id) => recordOf(entries.get(id)!.offer, entries.get(id)!.version));
  await manager.query(
    `INSERT INTO catalogue_offers (offer_id, snapshot, version, region_code, municipality_code, paragraphs, target_groups, specialisation_level, status, vacant_places, lat, lon, updated_at)
     SELECT r.offer_id, r.snapshot, r.version, r.region_code, r.municipality_code, r.paragraphs, r.target_groups, r.specialisation_level, r.status, r.vacant_places, r.lat, r.lon, now()
     FROM jsonb_to_recordset($1::jsonb) AS r(offer_id uuid, snapshot jsonb, version int, region_code varchar, municipality_code varchar, paragraphs text[],
       target_groups text[], specialisation_level text, status text, vacant_places int, lat double precision, lon double precision)
     ON CONFLICT (offer_id) DO UPDATE SET snapshot = EXCLUDED.snapshot, version = EXCLUDED.version, region_code = EXCLUDED.region_code,
       municipality_code = EXCLUDED.municipality_code, paragraphs = EXCLUDED.paragraphs, target_groups = EXCLUDED.target_groups,
       specialisation_level = EXCLUDED.specialisation_level, status = EXCLUDED.status, vacant_places = EXCLUDED.vacant_places,
       lat = EXCLUDED.lat, lon = EXCLUDED.lon, updated_at = now()`,
    [JSON.stringify(records.map((r) => ({
      offer_id: r.offerId, snapshot: r.snapshot, version: r.version, region_code: r.regionCode, municipality_code: r.municipalityCode, paragraphs: r.paragraphs,
      target_groups: r.targetGroups, specialisation_level: r.specialisationLevel, status: r.status, vacant_places: r.vacantPlaces, lat: r.lat, lon: r.lon,
    })))]);
  return records.map((r) => r.snapshot);
}
