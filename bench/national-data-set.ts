// The national data set of the throughput benchmarks: seeded and deterministic, over all 98
// municipalities. Offers come from offers' own demo generator (names, places, paragraphs and
// operators as Danish offers have them); placements are spread over three years, paid by a
// municipality of the offer's region seven times in ten, else by any. Loaded through the services'
// own paths: as the events the owning service would publish, and budgets through tariffs' API.
import { createEvent, MUNICIPALITIES, regionOfMunicipality, type EventCause, type OfferSnapshot, type TilbudsnetEvent } from '@tilbudsnet/contracts';
import type { BusProducer } from '@tilbudsnet/messaging';
import { seededRandom } from '@tilbudsnet/platform';
import { demoOfferRequests } from '../services/offers/src/seed/demo-offers';

export interface NationalPlacement {
  placementId: string; offerId: string; paragraph: string; targetGroup: string;
  actingMunicipality: string; payingMunicipality: string; startDate: string; endDate: string | null;
}

/** A deterministic UUID (version-4 shaped) from a seeded draw, so two runs make the same data. */
function uuidFrom(rnd: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(rnd() * 16).toString(16)).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function nationalOffers(count: number, seed = 14): OfferSnapshot[] {
  const rnd = seededRandom(seed);
  return demoOfferRequests(count, seed).map((r) => {
    const approved = r.paragraphs.reduce((sum, p) => sum + p.approvedPlaces, 0);
    return {
      ...r, offerId: uuidFrom(rnd), regionCode: regionOfMunicipality(r.municipalityCode)!, status: 'active', lastConfirmedAt: null, demo: true,
      frameworkAgreement: false, capacity: { approvedPlaces: approved, occupiedPlaces: 0, reservedPlaces: 0, vacantPlaces: approved },
    } as OfferSnapshot;
  });
}

/**
 * `active` placements running through `month` (started in the three years before its last day) and
 * `ended` ones that ended before it began: the month close must bill the first and skip the second.
 */
export function nationalPlacements(offers: readonly OfferSnapshot[], month: string, active: number, ended: number, seed = 15): NationalPlacement[] {
  const rnd = seededRandom(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const monthStart = Date.parse(`${month}-01T00:00:00Z`);
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const DAY = 86_400_000;
  const byRegion = new Map<string, string[]>();
  for (const m of MUNICIPALITIES) byRegion.set(m.regionCode, [...(byRegion.get(m.regionCode) ?? []), m.code]);
  return Array.from({ length: active + ended }, (_, i) => {
    const offer = pick(offers);
    const paying = rnd() < 0.7 ? pick(byRegion.get(offer.regionCode)!) : pick(MUNICIPALITIES).code;
    const isEnded = i >= active;
    const start = monthStart - Math.floor(rnd() * 3 * 365) * DAY - (isEnded ? 30 * DAY : 0);
    return {
      placementId: uuidFrom(rnd), offerId: offer.offerId, paragraph: pick(offer.paragraphs).paragraph, targetGroup: pick(offer.targetGroups),
      actingMunicipality: paying, payingMunicipality: paying, startDate: day(start),
      endDate: isEnded ? day(Math.min(monthStart - DAY, start + (1 + Math.floor(rnd() * 300)) * DAY)) : null,
    };
  });
}

/**
 * The data set as the events its owners publish: offers' registrations, and visitation's placements
 * (requested, started and, where they ended, ended), in each aggregate's order.
 */
export function nationalDataSetEvents(offers: readonly OfferSnapshot[], placements: readonly NationalPlacement[], cause: EventCause): { offers: TilbudsnetEvent[]; placements: TilbudsnetEvent[] } {
  return {
    offers: offers.map((offer) => createEvent('offers', { type: 'OfferRegistered', aggregateId: offer.offerId, aggregateVersion: 1, payload: { offer } }, cause)),
    placements: placements.flatMap((p) => [
      createEvent('visitation', { type: 'PlacementRequested', aggregateId: p.placementId, aggregateVersion: 1, payload: {
        placementId: p.placementId, offerId: p.offerId, paragraph: p.paragraph as never, targetGroup: p.targetGroup, actingMunicipality: p.actingMunicipality, payingMunicipality: p.payingMunicipality, startDate: p.startDate,
      } }, cause),
      createEvent('visitation', { type: 'PlacementStarted', aggregateId: p.placementId, aggregateVersion: 2, payload: {
        placementId: p.placementId, offerId: p.offerId, actingMunicipality: p.actingMunicipality, payingMunicipality: p.payingMunicipality, startDate: p.startDate, packageCode: 'base',
      } }, cause),
      ...(p.endDate ? [createEvent('visitation', { type: 'PlacementEnded', aggregateId: p.placementId, aggregateVersion: 3, payload: { placementId: p.placementId, offerId: p.offerId, endDate: p.endDate } }, cause)] : []),
    ]),
  };
}

/** Sends events to a topic 2,000 at a time, keyed by aggregate, with the headers consumers read. */
export async function sendEvents(producer: BusProducer, topic: string, events: readonly TilbudsnetEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 2000) {
    await producer.send([{ topic, messages: events.slice(i, i + 2000).map((e) => ({ key: e.aggregateId, value: JSON.stringify(e), headers: { 'event-id': e.eventId, 'event-type': e.type } })) }]);
  }
}
