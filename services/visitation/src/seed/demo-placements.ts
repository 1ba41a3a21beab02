// Which demo citizens the demo municipalities place where, from a seed: each demo offer filled to
// between 60 and 100 % of its approved places, some offers full with citizens waiting, citizens from
// the offer's region mostly and from anywhere in the country sometimes (so trade and cross-border
// figures have something to show), stays that began up to three years ago for homes and up to a year
// ago for day and treatment offers. The citizens are invented: names from common Danish first and
// last names, CPR numbers with real birth dates.
import { MUNICIPALITIES, regionOfMunicipality, type ProgressionArea } from '@tilbudsnet/contracts';

/** A demo offer as visitation's catalogue holds it. */
export interface OfferToFill {
  offerId: string;
  regionCode: string;
  paragraphs: { paragraph: string; approvedPlaces: number }[];
  targetGroups: string[];
  status: string;
  /** A single service (enkeltydelse) has no places: it is booked, not filled with placements. */
  units?: { kind: string; per: 'week' | 'month'; unitsPerPeriod: number };
}

export interface PlannedPlacement {
  offerId: string;
  actingMunicipality: string;
  payingMunicipality: string;
  paragraph: string;
  targetGroup: string;
  startDate: string;
  supportLevel: 'low' | 'medium' | 'high' | 'very-high';
  citizen: { cpr: string; name: string };
}

const FIRST_NAMES = ['Anne', 'Mette', 'Kirsten', 'Hanne', 'Camilla', 'Louise', 'Sofie', 'Emma', 'Ida', 'Freja', 'Maja', 'Laura', 'Fatima', 'Amalie', 'Clara',
  'Peter', 'Jens', 'Lars', 'Michael', 'Henrik', 'Thomas', 'Søren', 'Martin', 'Jesper', 'Mads', 'Frederik', 'Oliver', 'William', 'Noah', 'Ali', 'Mathias', 'Kasper'];
const LAST_NAMES = ['Nielsen', 'Jensen', 'Hansen', 'Pedersen', 'Andersen', 'Christensen', 'Larsen', 'Sørensen', 'Rasmussen', 'Jørgensen', 'Petersen', 'Madsen',
  'Kristensen', 'Olsen', 'Thomsen', 'Christiansen', 'Poulsen', 'Johansen', 'Møller', 'Mortensen', 'Knudsen', 'Jakobsen', 'Mikkelsen', 'Frederiksen', 'Holm'];
const SUPPORT = ['low', 'medium', 'medium', 'high', 'high', 'very-high'] as const;
const HOMES = ['66', '67', '107', '108'];
const CHILDREN = ['66', '67'];

const DAY_MS = 86_400_000;
const isoDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** A CPR number with a real birth date and the century digit that fits it (7th digit 0-3 before 2000, 4 after). */
export function demoCpr(birth: string, serial: number): string {
  const [y, m, d] = birth.split('-');
  const centuryDigit = Number(y) >= 2000 ? 4 : 1;
  return `${d}${m}${y.slice(2)}${centuryDigit}${String(serial % 1000).padStart(3, '0')}`;
}

export function demoPlacementPlan(offers: OfferToFill[], today: string, rnd: () => number): { placements: PlannedPlacement[]; waiting: PlannedPlacement[] } {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)];
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  const placements: PlannedPlacement[] = [];
  const waiting: PlannedPlacement[] = [];
  let serial = 0;
  const citizenFor = (offer: OfferToFill, paragraph: string, startedDaysAgo: number): PlannedPlacement => {
    const sameRegion = MUNICIPALITIES.filter((m) => m.regionCode === offer.regionCode);
    const acting = (rnd() < 0.7 ? pick(sameRegion) : pick(MUNICIPALITIES)).code;
    // Now and then another municipality pays (the citizen's earlier home: mellemkommunal refusion).
    const paying = rnd() < 0.1 ? pick(MUNICIPALITIES.filter((m) => regionOfMunicipality(m.code) === regionOfMunicipality(acting))).code : acting;
    const ageYears = CHILDREN.includes(paragraph) ? 8 + rnd() * 9 : 19 + rnd() * 55;
    const birth = isoDay(todayMs - Math.floor(ageYears * 365.25) * DAY_MS);
    serial++;
    return {
      offerId: offer.offerId, actingMunicipality: acting, payingMunicipality: paying, paragraph,
      targetGroup: pick(offer.targetGroups), startDate: isoDay(todayMs - startedDaysAgo * DAY_MS), supportLevel: pick(SUPPORT),
      citizen: { cpr: demoCpr(birth, serial), name: `${pick(FIRST_NAMES)} ${pick(LAST_NAMES)}` },
    };
  };
  for (const offer of offers) {
    if (offer.status !== 'active' || offer.units) continue;
    const full = rnd() < 0.15;
    const share = full ? 1 : 0.6 + rnd() * 0.4;
    for (const { paragraph, approvedPlaces } of offer.paragraphs) {
      const longest = HOMES.includes(paragraph) ? 3 * 365 : 365;
      const filled = Math.min(approvedPlaces, Math.round(approvedPlaces * share));
      for (let i = 0; i < filled; i++) placements.push(citizenFor(offer, paragraph, 14 + Math.floor(rnd() * longest)));
      // A full offer has citizens asking for a place it does not have: they go on the waiting list.
      if (full && filled === approvedPlaces) for (let i = 1 + Math.floor(rnd() * 3); i > 0; i--) waiting.push(citizenFor(offer, paragraph, -(7 + Math.floor(rnd() * 60))));
    }
  }
  return { placements, waiting };
}

/** A demo goal of a running placement and its measurements (levels drift upwards over the stay, with noise). */
export interface PlannedGoal {
  area: ProgressionArea;
  description: string;
  targetDate: string;
  measurements: { level: number; measuredOn: string }[];
}

const GOALS: Partial<Record<ProgressionArea, string[]>> = {
  'self-care': ['Klarer morgenrutinen med støtte to dage om ugen', 'Tager selv sin medicin efter aftale'],
  'practical-tasks': ['Laver aftensmad sammen med personalet en gang om ugen', 'Handler selv ind med indkøbsliste'],
  'social-life': ['Deltager i fællesspisning to gange om ugen', 'Har fast kontakt med en ven eller et familiemedlem'],
  'community-life': ['Deltager i et beskæftigelsestilbud tre dage om ugen', 'Tager bussen alene til aktivitetscentret'],
  health: ['Går en tur på mindst en halv time hver dag', 'Holder de aftalte tider hos lægen'],
};

/** Goals for about half of the placements in homes (§ 66, 67, 107, 108), measured one to three times since they began. */
export function demoGoalPlan(placements: { startDate: string; paragraph: string }[], today: string, rnd: () => number): (PlannedGoal | null)[] {
  const todayMs = Date.parse(`${today}T00:00:00Z`);
  return placements.map((p) => {
    if (!HOMES.includes(p.paragraph) || rnd() < 0.5) return null;
    const areas = Object.keys(GOALS) as ProgressionArea[];
    const area = areas[Math.floor(rnd() * areas.length)];
    const startMs = Date.parse(`${p.startDate}T00:00:00Z`);
    const count = 1 + Math.floor(rnd() * 3);
    let level = -2 + Math.floor(rnd() * 2);
    const measurements = Array.from({ length: count }, (_, i) => {
      level = Math.max(-2, Math.min(2, level + (i === 0 ? 0 : Math.round(rnd() * 2 - 0.6))));
      return { level, measuredOn: isoDay(startMs + Math.floor(((i + 1) / (count + 1)) * (todayMs - startMs))) };
    });
    return { area, description: GOALS[area]![Math.floor(rnd() * 2)], targetDate: isoDay(todayMs + (90 + Math.floor(rnd() * 365)) * DAY_MS), measurements };
  });
}

/** A demo booking of a single service: a citizen with units in the offer's current period. */
export interface PlannedBooking { offerId: string; units: number; placement: PlannedPlacement }

/**
 * Bookings of the demo single services: two or three citizens each, asking for a share of the
 * period's units (together never more than the period has, so every one is reserved).
 */
export function demoBookingPlan(offers: OfferToFill[], today: string, rnd: () => number): PlannedBooking[] {
  const plan: PlannedBooking[] = [];
  let serial = 9000;
  for (const offer of offers) {
    if (offer.status !== 'active' || !offer.units) continue;
    const citizens = 2 + Math.floor(rnd() * 2);
    const share = Math.max(1, Math.floor(offer.units.unitsPerPeriod / (citizens + 1)));
    for (let i = 0; i < citizens; i++) {
      serial++;
      const acting = MUNICIPALITIES.filter((m) => m.regionCode === offer.regionCode)[Math.floor(rnd() * 5)]?.code ?? MUNICIPALITIES[0].code;
      const birth = isoDay(Date.parse(`${today}T00:00:00Z`) - Math.floor((20 + rnd() * 50) * 365.25) * DAY_MS);
      plan.push({
        offerId: offer.offerId, units: 1 + Math.floor(rnd() * share),
        placement: {
          offerId: offer.offerId, actingMunicipality: acting, payingMunicipality: acting, paragraph: offer.paragraphs[0].paragraph, targetGroup: offer.targetGroups[0],
          startDate: today, supportLevel: 'medium', citizen: { cpr: demoCpr(birth, serial), name: `Demoborger ${serial}` },
        },
      });
    }
  }
  return plan;
}
