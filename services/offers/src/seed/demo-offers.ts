// Generated demo catalogue, the same on every `npm start` (seeded): offers named as real Danish
// offers are, at addresses in their own municipality (a town of the municipality with its postal
// code), with paragraphs that fit the kind of offer (a workshop is never a §108 home), places in the
// ranges such offers have, and run by the municipality, the region or one of many private operators.
// Every offer is marked `demo: true`; the console shows it as a demo offer.
import { MUNICIPALITIES, TARGET_GROUPS, findRegion, placesInMunicipality, type Paragraph, type SpecialisationLevel } from '@tilbudsnet/contracts';
import type { RegisterOfferRequest } from '../offers/register-offer/register-offer.request';
import { seededRandom, type Random } from '@tilbudsnet/platform';

/** A kind of offer: its paragraphs (one family: residential, day, children's or treatment), names, places and target groups. */
interface OfferKind {
  paragraphs: readonly Paragraph[][];
  weight: number;
  names: readonly string[];
  places: readonly [number, number];
  targetGroups: readonly string[];
}

const ADULT_RESIDENTIAL_GROUPS = ['autism', 'acquired-brain-injury', 'intellectual-disability', 'psychiatric-illness', 'dual-diagnosis', 'homelessness'];
const RARE_GROUPS = TARGET_GROUPS.filter((g) => g.nationalCoordination).map((g) => g.id);

/** `{x}` is a place-like name ("Egebakken"), `{town}` the town the offer lies in. */
const KINDS: readonly OfferKind[] = [
  { paragraphs: [['108'], ['107', '108']], weight: 25, names: ['Bostedet {x}', 'Botilbuddet {x}', 'Boenhederne {x}', '{x} – længerevarende botilbud', 'Center for {group} {town}'], places: [6, 24], targetGroups: ADULT_RESIDENTIAL_GROUPS },
  { paragraphs: [['107']], weight: 20, names: ['Botilbuddet {x}', 'Bofællesskabet {x}', 'Midlertidigt botilbud {x}', 'Bo- og Aflastningscentret {x}'], places: [4, 14], targetGroups: ADULT_RESIDENTIAL_GROUPS },
  { paragraphs: [['104'], ['103', '104']], weight: 18, names: ['Aktivitetscentret {x}', 'Dagtilbuddet {x}', 'Værestedet {x}', 'Samværstilbuddet {x}'], places: [8, 28], targetGroups: ['intellectual-disability', 'acquired-brain-injury', 'autism', 'psychiatric-illness'] },
  { paragraphs: [['103']], weight: 12, names: ['{x} Værksted', 'Værkstedet {x}', 'Beskyttet Beskæftigelse {town}'], places: [10, 30], targetGroups: ['intellectual-disability', 'acquired-brain-injury', 'autism', 'psychiatric-illness'] },
  { paragraphs: [['66'], ['66', '67']], weight: 10, names: ['Opholdsstedet {x}', 'Børnehjemmet {x}'], places: [3, 8], targetGroups: ['autism', 'intellectual-disability', 'psychiatric-illness', 'severe-self-harm'] },
  { paragraphs: [['67']], weight: 7, names: ['Døgninstitutionen {x}', 'Ungehuset {x}'], places: [4, 12], targetGroups: ['autism', 'psychiatric-illness', 'severe-eating-disorder', 'severe-self-harm'] },
  { paragraphs: [['101']], weight: 8, names: ['Behandlingscentret {x}', 'Rusmiddelcenter {town}', 'Dagbehandlingen {x}'], places: [6, 18], targetGroups: ['dual-diagnosis', 'psychiatric-illness', 'homelessness'] },
];

const PLACE_NAMES = [
  'Egebakken', 'Solsikken', 'Fjordglimt', 'Lindehuset', 'Skovbrynet', 'Havblik', 'Kastanjehuset', 'Engbo', 'Bøgely', 'Møllegården', 'Åbrinken', 'Klitgården',
  'Lyngbo', 'Birkely', 'Granly', 'Rosenhaven', 'Nørrebo', 'Sønderskov', 'Vestervang', 'Østerled', 'Bakkehuset', 'Kildebakken', 'Strandgården', 'Højvang',
  'Toftegården', 'Lærkereden', 'Skovsøen', 'Mosegården', 'Fyrreparken', 'Ellehuset', 'Hybenhuset', 'Valmuen', 'Kløverengen', 'Bavnehøj', 'Lundgården',
  'Ådalen', 'Marievang', 'Tranemosen', 'Hasselhuset', 'Rønnebærhuset', 'Pilegården', 'Bøgebjerg', 'Fuglsang', 'Solgården', 'Vibeholm', 'Nøddehegnet',
  'Enghaven', 'Humlehaven', 'Spurvehuset', 'Kærgården', 'Lysbro', 'Nordlys', 'Skovgården', 'Fjordhuset', 'Stensbo', 'Agerhuset', 'Bækkely', 'Tjørnehuset',
];
const STREETS = ['Skovvej', 'Møllevej', 'Kirkevej', 'Engvej', 'Bakkevej', 'Stationsvej', 'Vestergade', 'Søndergade', 'Nørregade', 'Østergade', 'Parkvej',
  'Ringvejen', 'Strandvejen', 'Birkevej', 'Lindevej', 'Granvej', 'Ahornvej', 'Enghavevej', 'Kastanievej', 'Rosenvænget', 'Skolevej', 'Mosevej', 'Åvej', 'Havnevej'];

/** Group words for names like "Center for Autisme Silkeborg". */
const GROUP_WORDS: Record<string, string> = { autism: 'Autisme', 'acquired-brain-injury': 'Hjerneskade', 'intellectual-disability': 'Udviklingshæmning', 'psychiatric-illness': 'Socialpsykiatri', 'dual-diagnosis': 'Dobbeltdiagnoser', homelessness: 'Hjemløse' };

/** The demo user manager-private's company runs a handful of offers; the other private operators are made from the seed. */
export const DEMO_PRIVATE_OPERATOR = { kind: 'private' as const, id: '12345678', name: 'Solsikken Omsorg ApS' };
const PRIVATE_FORMS = ['{x} ApS', 'Fonden {x}', 'Den selvejende institution {x}', '{x} Omsorg A/S', 'Socialfaglig Service {town} ApS', '{x} Bo og Støtte ApS'];

/** Larger municipalities carry more offers (a rough weight, not a census). */
const LARGER: Record<string, number> = { '0101': 10, '0751': 7, '0461': 5, '0851': 5, '0561': 3, '0630': 3, '0621': 3, '0265': 3, '0657': 2, '0730': 3, '0615': 2, '0740': 2, '0791': 2, '0370': 2, '0330': 2, '0147': 2 };

function pick<T>(rnd: Random, list: readonly T[]): T {
  return list[Math.floor(rnd() * list.length)];
}

function weighted<T>(rnd: Random, items: readonly T[], weightOf: (item: T) => number): T {
  const total = items.reduce((sum, i) => sum + weightOf(i), 0);
  let at = rnd() * total;
  for (const item of items) {
    at -= weightOf(item);
    if (at < 0) return item;
  }
  return items[items.length - 1];
}

function between(rnd: Random, [low, high]: readonly [number, number]): number {
  return low + Math.floor(rnd() * (high - low + 1));
}

/** The private operators of the demo: many, each with a home region, none with more than a few offers. */
function privateOperators(rnd: Random, count: number): { kind: 'private'; id: string; name: string; regionCode: string }[] {
  const used = new Set<string>([DEMO_PRIVATE_OPERATOR.name]);
  return Array.from({ length: count }, (_, i) => {
    const home = pick(rnd, MUNICIPALITIES);
    let name = '';
    for (let attempt = 0; !name || used.has(name); attempt++) {
      name = pick(rnd, PRIVATE_FORMS).replace('{x}', pick(rnd, PLACE_NAMES)).replace('{town}', placesInMunicipality(home.code)[0].town);
      // A national data set wants more operators than the forms and place names make: a number then tells them apart.
      if (attempt > 11 && used.has(name)) name = `${name} ${attempt - 10}`;
    }
    used.add(name);
    // A CVR number has 8 digits however many operators a national data set asks for.
    return { kind: 'private' as const, id: String(20000000 + ((i * 104729 + Math.floor(rnd() * 1000)) % 79_999_999)), name, regionCode: home.regionCode };
  });
}

function withoutRegion(p: { kind: 'private'; id: string; name: string; regionCode: string }): { kind: 'private'; id: string; name: string } {
  return { kind: p.kind, id: p.id, name: p.name };
}

export function demoOfferRequests(count: number, seed = 2026): RegisterOfferRequest[] {
  const rnd = seededRandom(seed);
  const privates = privateOperators(rnd, Math.max(1, Math.round(count / 6)));
  const names = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    // Every municipality has an offer first; the rest lean towards the larger ones.
    const municipality = i < MUNICIPALITIES.length ? MUNICIPALITIES[i] : weighted(rnd, MUNICIPALITIES, (m) => LARGER[m.code] ?? 1);
    const region = findRegion(municipality.regionCode)!;
    const towns = placesInMunicipality(municipality.code);
    const town = rnd() < 0.6 ? towns[0] : pick(rnd, towns);
    const kind = weighted(rnd, KINDS, (k) => k.weight);
    const paragraphs = pick(rnd, kind.paragraphs);
    const rare = kind.targetGroups === ADULT_RESIDENTIAL_GROUPS && rnd() < 0.08;
    const groups = rare ? [pick(rnd, RARE_GROUPS)] : [...new Set([pick(rnd, kind.targetGroups), ...(rnd() < 0.35 ? [pick(rnd, kind.targetGroups)] : [])])];
    const specialisationLevel: SpecialisationLevel = rare ? 'highly-specialised' : weighted(rnd, ['general', 'specialised', 'highly-specialised'] as const, (l) => ({ general: 4, specialised: 5, 'highly-specialised': 1 })[l]);
    // Operators: about half municipal, a sixth regional (the highly specialised more often), the rest private.
    const who = rnd();
    const regionalShare = specialisationLevel === 'highly-specialised' ? 0.45 : 0.15;
    const ownPrivates = privates.filter((p) => p.regionCode === region.code);
    const operator = i % 53 === 7 ? DEMO_PRIVATE_OPERATOR
      : who < 0.5 ? { kind: 'municipality' as const, id: municipality.code, name: `${municipality.name} Kommune` }
        : who < 0.5 + regionalShare ? { kind: 'region' as const, id: region.code, name: region.name }
          : withoutRegion(pick(rnd, ownPrivates.length ? ownPrivates : privates));
    let name = '';
    for (let attempt = 0; !name || names.has(name); attempt++) {
      name = pick(rnd, kind.names).replace('{x}', pick(rnd, PLACE_NAMES)).replace('{town}', town.town).replace('{group}', GROUP_WORDS[groups[0]] ?? 'Specialiseret Støtte');
      // Thousands of offers (the national data set) exhaust the names of a kind in a town: a number then tells them apart.
      if (attempt > 5 && names.has(name)) name = attempt > 11 ? `${name} ${town.town} ${attempt - 10}` : `${name} ${town.town}`;
    }
    names.add(name);
    return {
      name,
      operator,
      address: { street: `${pick(rnd, STREETS)} ${1 + Math.floor(rnd() * 120)}`, postalCode: town.postalCode, city: town.town },
      municipalityCode: municipality.code,
      location: { lat: +(town.lat + (rnd() - 0.5) * 0.03).toFixed(5), lon: +(town.lon + (rnd() - 0.5) * 0.05).toFixed(5) },
      paragraphs: paragraphs.map((paragraph, n) => ({ paragraph, approvedPlaces: Math.max(2, Math.round(between(rnd, kind.places) / (n === 0 ? 1 : 2))) })),
      targetGroups: groups,
      specialisationLevel,
      frameworkAgreement: specialisationLevel !== 'general' && rnd() < 0.7,
      budgetedOccupancyPct: 85 + Math.floor(rnd() * 13),
      demo: true,
    };
  });
}
