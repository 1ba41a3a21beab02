// Generated demo catalogue: deterministic, spread over all five regions, the three kinds of
// operator, the common paragraphs and target groups. Every offer is marked `demo: true` and its
// name ends in "(demo)", so nobody mistakes it for a real offer.
import { MUNICIPALITIES, PARAGRAPHS, SPECIALISATION_LEVELS, TARGET_GROUP_IDS, findRegion } from '@tilbudsnet/contracts';
import type { RegisterOfferRequest } from '../offers/register-offer/register-offer.request';

/** Rough centre of each region, for plausible demo coordinates. */
const REGION_CENTRES: Record<string, { lat: number; lon: number }> = {
  '1081': { lat: 57.05, lon: 9.92 },
  '1082': { lat: 56.15, lon: 9.55 },
  '1083': { lat: 55.4, lon: 9.5 },
  '1084': { lat: 55.72, lon: 12.42 },
  '1085': { lat: 55.45, lon: 11.8 },
};

const KINDS = ['Bostedet', 'Botilbuddet', 'Værestedet', 'Dagtilbuddet', 'Specialcentret', 'Opholdsstedet'];
const NAMES = ['Egebakken', 'Solsikken', 'Fjordglimt', 'Lindehuset', 'Skovbrynet', 'Havblik', 'Kastanjen', 'Engen', 'Bøgely', 'Møllen', 'Åstien', 'Klitten'];

/** Small deterministic PRNG (mulberry32), so every `npm start` seeds the same catalogue. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function demoOfferRequests(count: number, seed = 2026): RegisterOfferRequest[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  return Array.from({ length: count }, (_, i) => {
    const municipality = MUNICIPALITIES[i % MUNICIPALITIES.length];
    const region = findRegion(municipality.regionCode)!;
    const centre = REGION_CENTRES[region.code];
    const kind = (['municipality', 'region', 'private'] as const)[i % 3];
    const operator =
      kind === 'municipality' ? { kind, id: municipality.code, name: `${municipality.name} Kommune` }
        : kind === 'region' ? { kind, id: region.code, name: region.name }
          // Every second private offer belongs to the demo user manager-private's company.
          : i % 2 === 0 ? { kind, id: '12345678', name: 'Solsikken Omsorg ApS' }
            : { kind, id: String(30000000 + Math.floor(rnd() * 9999999)), name: `${pick(NAMES)} Omsorg ApS` };
    const paragraph = pick(PARAGRAPHS);
    const groups = new Set([pick(TARGET_GROUP_IDS), ...(rnd() < 0.4 ? [pick(TARGET_GROUP_IDS)] : [])]);
    return {
      name: `${pick(KINDS)} ${pick(NAMES)} ${i + 1} (demo)`,
      operator,
      address: { street: `${pick(NAMES)}vej ${1 + Math.floor(rnd() * 120)}`, postalCode: String(1000 + Math.floor(rnd() * 8999)), city: municipality.name },
      municipalityCode: municipality.code,
      location: { lat: +(centre.lat + (rnd() - 0.5) * 0.6).toFixed(5), lon: +(centre.lon + (rnd() - 0.5) * 0.9).toFixed(5) },
      paragraphs: [{ paragraph, approvedPlaces: 4 + Math.floor(rnd() * 30) }],
      targetGroups: [...groups],
      specialisationLevel: pick(SPECIALISATION_LEVELS),
      frameworkAgreement: rnd() < 0.5,
      budgetedOccupancyPct: 85 + Math.floor(rnd() * 15),
      demo: true,
    };
  });
}
