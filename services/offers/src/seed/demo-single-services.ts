// The demo's single services (enkeltydelser): a few offers of each kind that sell units instead of
// places, run by municipalities and regions, a travelling team among them. Made-up names and
// addresses in real towns, flagged as demo data.
import type { ServiceKind, UnitPeriod } from '@tilbudsnet/contracts';
import type { RegisterOfferRequest } from '../offers/register-offer/register-offer.request';

interface SingleServiceSeed {
  name: string; operator: RegisterOfferRequest['operator']; municipalityCode: string; street: string; postalCode: string; city: string; lat: number; lon: number;
  paragraph: '85' | '102' | '104'; targetGroups: string[]; kind: ServiceKind; per: UnitPeriod; unitsPerPeriod: number; travelRegions?: string[];
}

const aarhus = { operator: { kind: 'municipality' as const, id: '0751', name: 'Aarhus Kommune' }, municipalityCode: '0751', postalCode: '8000', city: 'Aarhus C', lat: 56.1567, lon: 10.2108 };
const koebenhavn = { operator: { kind: 'municipality' as const, id: '0101', name: 'Københavns Kommune' }, municipalityCode: '0101', postalCode: '2200', city: 'København N', lat: 55.6926, lon: 12.5535 };
const odense = { operator: { kind: 'municipality' as const, id: '0461', name: 'Odense Kommune' }, municipalityCode: '0461', postalCode: '5000', city: 'Odense C', lat: 55.3959, lon: 10.3883 };

const SEEDS: readonly SingleServiceSeed[] = [
  { ...aarhus, name: 'Autismeteamet Aarhus – behandlingssessioner', street: 'Demovej 1', paragraph: '102', targetGroups: ['autism'], kind: 'sessions', per: 'month', unitsPerPeriod: 60 },
  { ...aarhus, name: 'Aflastning Aarhus – timer i hjemmet', street: 'Demovej 3', paragraph: '85', targetGroups: ['intellectual-disability', 'autism'], kind: 'hours', per: 'week', unitsPerPeriod: 120 },
  { ...koebenhavn, name: 'Spiseforstyrrelsesklinikken – udredning', street: 'Demogade 5', paragraph: '102', targetGroups: ['severe-eating-disorder'], kind: 'assessment', per: 'month', unitsPerPeriod: 6 },
  { ...koebenhavn, name: 'Mestringskurser for pårørende og borgere', street: 'Demogade 7', paragraph: '104', targetGroups: ['psychiatric-illness', 'dual-diagnosis'], kind: 'course', per: 'month', unitsPerPeriod: 24 },
  { ...odense, name: 'Hjerneskadeteamet Odense – neuropædagogisk støtte', street: 'Demostræde 2', paragraph: '85', targetGroups: ['acquired-brain-injury'], kind: 'hours', per: 'week', unitsPerPeriod: 80 },
  {
    operator: { kind: 'region', id: '1082', name: 'Region Midtjylland' }, municipalityCode: '0791', postalCode: '8800', city: 'Viborg', lat: 56.4532, lon: 9.402,
    name: 'Rejseholdet for døvblindhed', street: 'Demoallé 10', paragraph: '85', targetGroups: ['deafblindness'], kind: 'team-visit', per: 'month', unitsPerPeriod: 12, travelRegions: ['1081', '1082', '1083'],
  },
  {
    operator: { kind: 'region', id: '1084', name: 'Region Hovedstaden' }, municipalityCode: '0101', postalCode: '2100', city: 'København Ø', lat: 55.7069, lon: 12.5757,
    name: 'Rejseholdet for svær selvskade', street: 'Demoallé 12', paragraph: '85', targetGroups: ['severe-self-harm'], kind: 'team-visit', per: 'month', unitsPerPeriod: 10, travelRegions: ['1084', '1085'],
  },
];

/** The demo's single services as registration requests (no places; units per week or month). */
export function demoSingleServiceRequests(): RegisterOfferRequest[] {
  return SEEDS.map((s) => ({
    name: s.name, operator: { ...s.operator }, address: { street: s.street, postalCode: s.postalCode, city: s.city }, municipalityCode: s.municipalityCode,
    location: { lat: s.lat, lon: s.lon }, paragraphs: [{ paragraph: s.paragraph, approvedPlaces: 0 }], targetGroups: [...s.targetGroups],
    specialisationLevel: s.kind === 'team-visit' ? 'highly-specialised' : 'specialised', frameworkAgreement: s.kind === 'team-visit', budgetedOccupancyPct: 85, demo: true,
    units: { kind: s.kind, per: s.per, unitsPerPeriod: s.unitsPerPeriod, ...(s.travelRegions ? { travelRegions: [...s.travelRegions] } : {}) },
  }));
}
