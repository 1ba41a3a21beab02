import { findMunicipality, SERVICE_KIND_TERMS, TARGET_GROUPS, type OfferSnapshot } from '@tilbudsnet/contracts';
import { createHash } from 'node:crypto';

/**
 * The catalogue in Human Services Data Specification form (Open Referral HSDS 3.1): organization
 * (operators), service (offers), location, service_at_location and service_capacity (places).
 */
export interface HsdsExport {
  organization: Record<string, unknown>[];
  service: Record<string, unknown>[];
  location: Record<string, unknown>[];
  service_at_location: Record<string, unknown>[];
  service_capacity: Record<string, unknown>[];
}

/** A stable UUID (name-based, SHA-1, version 5 layout) for things that have no UUID of their own. */
export function uuidFrom(name: string): string {
  const h = createHash('sha1').update(`tilbudsnet:${name}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50;
  h[8] = (h[8] & 0x3f) | 0x80;
  const hex = h.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

const PLACE_UNIT = { id: uuidFrom('unit:place'), name: 'Plads (place)', scheme: 'tilbudsnet' };

/** A single service's unit in HSDS: "Sessioner pr. måned (sessions per month)". */
function unitOf(units: NonNullable<OfferSnapshot['units']>): Record<string, string> {
  const term = SERVICE_KIND_TERMS.find((k) => k.kind === units.kind);
  const name = `${term?.da.split(' (')[0] ?? units.kind} pr. ${units.per === 'week' ? 'uge' : 'måned'} (${units.kind} per ${units.per})`;
  return { id: uuidFrom(`unit:${units.kind}:${units.per}`), name, scheme: 'tilbudsnet' };
}

/** A single service's units in its current period: how many are free, and which period. */
export type UnitsFreeNow = Map<string, { period: string; free: number }>;

const STATUS: Record<OfferSnapshot['status'], string> = {
  active: 'active',
  'closed-to-admissions': 'temporarily closed',
  adjusting: 'active',
  'closure-announced': 'active',
  closed: 'defunct',
};

/** Danish words for the codes a description carries (HSDS text is read by people). */
const OPERATOR_KIND_WORDS: Record<string, string> = { municipality: 'kommunal', region: 'regional', private: 'privat' };
const LEVEL_WORDS: Record<string, string> = { general: 'almindeligt', specialised: 'specialiseret', 'highly-specialised': 'højt specialiseret' };

function describe(offer: OfferSnapshot): string {
  const groups = offer.targetGroups.map((id) => TARGET_GROUPS.find((t) => t.id === id)?.da ?? id).join(', ');
  const paragraphs = offer.paragraphs.map((p) => (offer.units ? `SEL §${p.paragraph} (enkeltydelse)` : `SEL §${p.paragraph} (${p.approvedPlaces} godkendte pladser)`)).join(', ');
  return `${paragraphs}. Målgrupper: ${groups}. Specialiseringsniveau: ${LEVEL_WORDS[offer.specialisationLevel] ?? offer.specialisationLevel}.${offer.demo ? ' Demodata.' : ''}`;
}

export function toHsds(offers: OfferSnapshot[], exportedAt: Date, unitsFreeNow: UnitsFreeNow = new Map()): HsdsExport {
  const organizations = new Map<string, Record<string, unknown>>();
  const out: HsdsExport = { organization: [], service: [], location: [], service_at_location: [], service_capacity: [] };
  for (const offer of offers) {
    const operatorKey = `${offer.operator.kind}:${offer.operator.id}`;
    const organizationId = uuidFrom(`operator:${operatorKey}`);
    if (!organizations.has(operatorKey)) {
      organizations.set(operatorKey, {
        id: organizationId,
        name: offer.operator.name,
        description: `Driftsherre (${OPERATOR_KIND_WORDS[offer.operator.kind] ?? offer.operator.kind})`,
        ...(offer.operator.kind === 'private' ? { tax_id: offer.operator.id } : {}),
      });
    }
    const locationId = uuidFrom(`location:${offer.offerId}`);
    out.service.push({
      id: offer.offerId,
      organization_id: organizationId,
      name: offer.name,
      description: describe(offer),
      status: STATUS[offer.status],
      ...(offer.lastConfirmedAt ? { assured_date: offer.lastConfirmedAt.slice(0, 10) } : {}),
    });
    out.location.push({
      id: locationId,
      location_type: 'physical',
      organization_id: organizationId,
      name: offer.name,
      description: `${offer.address.street}, ${offer.address.postalCode} ${offer.address.city} (${findMunicipality(offer.municipalityCode)?.name ?? offer.municipalityCode} Kommune)`,
      latitude: offer.location.lat,
      longitude: offer.location.lon,
    });
    out.service_at_location.push({ id: uuidFrom(`service_at_location:${offer.offerId}`), service_id: offer.offerId, location_id: locationId });
    if (offer.units) {
      // A single service (enkeltydelse): units per week or month instead of places.
      const now = unitsFreeNow.get(offer.offerId) ?? { period: '', free: offer.units.unitsPerPeriod };
      out.service_capacity.push({
        id: uuidFrom(`service_capacity:${offer.offerId}`),
        service_id: offer.offerId,
        unit: unitOf(offer.units),
        available: now.free,
        maximum: offer.units.unitsPerPeriod,
        description: `Enkeltydelse: ${now.free} af ${offer.units.unitsPerPeriod} enheder ledige${now.period ? ` i ${now.period}` : ''}`,
        updated: exportedAt.toISOString(),
      });
      continue;
    }
    out.service_capacity.push({
      id: uuidFrom(`service_capacity:${offer.offerId}`),
      service_id: offer.offerId,
      unit: PLACE_UNIT,
      available: offer.capacity.vacantPlaces,
      maximum: offer.capacity.approvedPlaces,
      description: `Ledige pladser: ${offer.capacity.vacantPlaces} af ${offer.capacity.approvedPlaces} godkendte; ${offer.capacity.occupiedPlaces} optaget, ${offer.capacity.reservedPlaces} reserveret`,
      updated: exportedAt.toISOString(),
    });
  }
  out.organization = [...organizations.values()];
  return out;
}
