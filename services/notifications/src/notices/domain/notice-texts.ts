import { TARGET_GROUPS, findRegion, type CapacityFigures, type EarlyWarningCategory, type EarlyWarningSeverity, type SupplyRule } from '@tilbudsnet/contracts';
import { overCapacityBy } from './capacity-news';
import { municipalityKey, operatorKey, regionKey, type Notice } from './notice';

/*
 * The notices, one builder per thing that happens, with the Danish terms of domain.md. No personal
 * data goes in: offers, places, municipalities and amounts only.
 */

export interface OfferFacts {
  offerId: string;
  name: string;
  regionCode: string;
  targetGroups: string[];
  paragraphs: string[];
}

const groupName = (id: string, lang: 'da' | 'en') => TARGET_GROUPS.find((t) => t.id === id)?.[lang] ?? id;
const regionName = (code: string) => findRegion(code)?.name ?? code;
const daDate = (iso: string) => { const [y, m, d] = iso.split('-'); return `${Number(d)}.${Number(m)}.${y}`; };
const facts = (offer: OfferFacts) => ({ regionCode: offer.regionCode, targetGroups: offer.targetGroups, paragraphs: offer.paragraphs, offerId: offer.offerId });

/** Lukning varslet: to every municipality with citizens there and the region's secretariat, always. */
export function closureAnnounced(offer: OfferFacts, effectiveDate: string, placementsAffected: number, municipalitiesWithCitizens: string[]): Notice {
  return {
    kind: 'closure-or-reduction',
    title: { da: `Lukning varslet: ${offer.name}`, en: `Closure announced: ${offer.name}` },
    body: {
      da: `${offer.name} lukker ${daDate(effectiveDate)}. ${placementsAffected} anbragte borgere skal have et nyt tilbud.`,
      en: `${offer.name} closes on ${effectiveDate}. ${placementsAffected} placed citizens need a new offer.`,
    },
    facts: facts(offer),
    mandatoryRecipients: [...municipalitiesWithCitizens.map(municipalityKey), regionKey(offer.regionCode)],
  };
}

/** Tilpasning varslet: approved places of a paragraph go down. */
export function adjustmentAnnounced(
  offer: OfferFacts, change: { paragraph: string; approvedPlaces: number; effectiveDate: string; placementsAffected: number }, municipalitiesWithCitizens: string[],
): Notice {
  return {
    kind: 'closure-or-reduction',
    title: { da: `Tilpasning varslet: ${offer.name}`, en: `Reduction announced: ${offer.name}` },
    body: {
      da: `Fra ${daDate(change.effectiveDate)} har ${offer.name} ${change.approvedPlaces} godkendte pladser efter § ${change.paragraph}. ${change.placementsAffected} anbringelser berøres.`,
      en: `From ${change.effectiveDate}, ${offer.name} has ${change.approvedPlaces} approved places under § ${change.paragraph}. ${change.placementsAffected} placements are affected.`,
    },
    facts: { ...facts(offer), paragraphs: [change.paragraph] },
    mandatoryRecipients: [...municipalitiesWithCitizens.map(municipalityKey), regionKey(offer.regionCode)],
  };
}

/** Ledig plads: the offer had no vacancy and now has. */
export function vacancyOpened(offer: OfferFacts, vacant: number): Notice {
  return {
    kind: 'vacancy-opened',
    title: { da: `Ledig plads: ${offer.name}`, en: `Vacancy: ${offer.name}` },
    body: { da: `${offer.name} har nu ${vacant} ledige pladser.`, en: `${offer.name} now has ${vacant} vacant places.` },
    facts: facts(offer),
    mandatoryRecipients: [],
  };
}

/** Godkendte pladser ændret, for municipalities with citizens there that asked. */
export function capacityChanged(offer: OfferFacts, approved: number, vacant: number, municipalitiesWithCitizens: string[]): Notice {
  return {
    kind: 'capacity-changed',
    title: { da: `Kapacitet ændret: ${offer.name}`, en: `Capacity changed: ${offer.name}` },
    body: { da: `${offer.name} har nu ${approved} godkendte pladser, heraf ${vacant} ledige.`, en: `${offer.name} now has ${approved} approved places, ${vacant} of them vacant.` },
    facts: { ...facts(offer), concerns: municipalitiesWithCitizens.map(municipalityKey) },
    mandatoryRecipients: [],
  };
}

/** Takst offentliggjort, with the rise against the previous tariff when there was one. */
export function tariffPublished(offer: OfferFacts, year: number, dayTariff: string, increasePct: number | null): Notice {
  const rise = increasePct === null ? '' : ` (${increasePct >= 0 ? '+' : ''}${increasePct.toFixed(1)} %)`;
  return {
    kind: 'tariff-published',
    title: { da: `Takst ${year} offentliggjort: ${offer.name}`, en: `Tariff ${year} published: ${offer.name}` },
    body: {
      da: `Døgntaksten for ${offer.name} i ${year} er ${dayTariff.replace('.', ',')} kr${rise.replace('.', ',')}.`,
      en: `The day tariff of ${offer.name} in ${year} is DKK ${dayTariff}${rise}.`,
    },
    facts: { ...facts(offer), increasePct },
    mandatoryRecipients: [],
  };
}

const CATEGORY: Record<EarlyWarningCategory, { da: string; en: string }> = {
  economic: { da: 'økonomisk', en: 'economic' },
  professional: { da: 'faglig', en: 'professional' },
  capacity: { da: 'kapacitet', en: 'capacity' },
  closure: { da: 'lukning', en: 'closure' },
};
const SEVERITY: Record<EarlyWarningSeverity, { da: string; en: string }> = {
  low: { da: 'lav', en: 'low' }, medium: { da: 'middel', en: 'medium' }, high: { da: 'høj', en: 'high' },
};

/** Tidlig varsling: to the region's secretariat, municipalities with citizens there and those that placed in the target group. */
export function earlyWarningRaised(
  warning: { subject: string; regionCode: string; targetGroups: string[]; category: EarlyWarningCategory; severity: EarlyWarningSeverity; offerId?: string },
  recipients: string[],
): Notice {
  return {
    kind: 'early-warning',
    title: { da: `Tidlig varsling: ${warning.subject}`, en: `Early warning: ${warning.subject}` },
    body: {
      da: `Kategori: ${CATEGORY[warning.category].da}. Alvor: ${SEVERITY[warning.severity].da}. Region: ${regionName(warning.regionCode)}. Målgruppe: ${warning.targetGroups.map((g) => groupName(g, 'da')).join(', ')}.`,
      en: `Category: ${CATEGORY[warning.category].en}. Severity: ${SEVERITY[warning.severity].en}. Region: ${regionName(warning.regionCode)}. Target group: ${warning.targetGroups.map((g) => groupName(g, 'en')).join(', ')}.`,
    },
    facts: { regionCode: warning.regionCode, targetGroups: warning.targetGroups, offerId: warning.offerId },
    mandatoryRecipients: recipients,
  };
}

export function earlyWarningResolved(
  warning: { subject: string; regionCode: string; targetGroups: string[]; offerId?: string }, recipients: string[],
): Notice {
  return {
    kind: 'early-warning',
    title: { da: `Tidlig varsling afsluttet: ${warning.subject}`, en: `Early warning resolved: ${warning.subject}` },
    body: { da: 'Sekretariatet har afsluttet varslingen.', en: 'The secretariat has resolved the warning.' },
    facts: { regionCode: warning.regionCode, targetGroups: warning.targetGroups, offerId: warning.offerId },
    mandatoryRecipients: recipients,
  };
}

/** Match på venteliste: a place opened that fits one of our waiting cases. */
export function waitlistMatch(offer: OfferFacts, match: { targetGroup: string; paragraph: string; actingMunicipality: string }): Notice {
  return {
    kind: 'waitlist-match',
    title: { da: `Match på ventelisten: ${offer.name}`, en: `Waiting-list match: ${offer.name}` },
    body: {
      da: `${offer.name} har en ledig plads efter § ${match.paragraph} til målgruppen ${groupName(match.targetGroup, 'da')}, som passer til en sag på jeres venteliste.`,
      en: `${offer.name} has a vacant place under § ${match.paragraph} for ${groupName(match.targetGroup, 'en')} that fits a case on your waiting list.`,
    },
    facts: { ...facts(offer), targetGroups: [match.targetGroup], paragraphs: [match.paragraph], concerns: [municipalityKey(match.actingMunicipality)] },
    mandatoryRecipients: [],
  };
}

/** Overbelægning: the offer holds more places than approved; its operator hears of it, always. */
export function overCapacity(offer: OfferFacts, operator: string, capacity: Pick<CapacityFigures, 'approvedPlaces' | 'occupiedPlaces' | 'reservedPlaces'>): Notice {
  const { approvedPlaces: approved, occupiedPlaces: occupied, reservedPlaces: reserved } = capacity;
  const by = overCapacityBy(capacity);
  return {
    kind: 'capacity-changed',
    title: { da: `Overbelægning: ${offer.name}`, en: `Over capacity: ${offer.name}` },
    body: {
      da: `${offer.name} har ${occupied} belagte og ${reserved} reserverede pladser, ${by} mere end de ${approved} godkendte: en anbringelse blev bekræftet, før reservationen udløb, og nåede først frem bagefter.`,
      en: `${offer.name} has ${occupied} occupied and ${reserved} reserved places, ${by} more than the ${approved} approved: a placement was confirmed before its reservation ran out and arrived only afterwards.`,
    },
    facts: { ...facts(offer), concerns: [operatorKey(operator)] },
    mandatoryRecipients: [operatorKey(operator)],
  };
}

/** Afregning udstedt: to the paying municipality and the operator, if they asked. */
export function settlementIssued(statement: { month: string; payingMunicipality: string; operator: string; total: string; dueDate: string }): Notice {
  return {
    kind: 'settlement-issued',
    title: { da: `Afregning for ${statement.month}`, en: `Statement for ${statement.month}` },
    body: {
      da: `Afregning på ${statement.total.replace('.', ',')} kr, forfald ${daDate(statement.dueDate)}.`,
      en: `Statement of DKK ${statement.total}, due ${statement.dueDate}.`,
    },
    facts: { concerns: [municipalityKey(statement.payingMunicipality), operatorKey(statement.operator)] },
    mandatoryRecipients: [],
  };
}

const RULE: Record<SupplyRule, { da: string; en: string }> = {
  'low-occupancy': { da: 'lav belægning', en: 'low occupancy' },
  'waitlist-without-vacancy': { da: 'venteliste uden ledige pladser', en: 'waiting list without vacancy' },
  'closures-exceed-capacity': { da: 'varslede lukninger overstiger kapaciteten', en: 'announced closures exceed capacity' },
  'protected-offer-competition': { da: 'konkurrerende kapacitet til et beskyttet tilbud', en: 'competing capacity for a protected offer' },
  'forecast-gap': { da: 'et fremskrevet behov for pladser, der overstiger udbuddet efter varslede lukninger', en: 'a forecast need for places above the supply after announced closures' },
  'protected-offer-below-share': { da: 'en kommunes anbringelser i et beskyttet tilbud under den aftalte andel', en: "a municipality's placements in a protected offer below its agreed share" },
};

/** Forsyningsrisiko: a rule fired; to the region's secretariat. */
export function supplyRisk(risk: { rule: SupplyRule; regionCode: string; targetGroup: string; subject: string }): Notice {
  return {
    kind: 'supply-risk',
    title: { da: `Forsyningsrisiko: ${RULE[risk.rule].da}`, en: `Supply risk: ${RULE[risk.rule].en}` },
    body: {
      da: `${risk.subject} — ${regionName(risk.regionCode)}, målgruppe ${groupName(risk.targetGroup, 'da')}.`,
      en: `${risk.subject} — ${regionName(risk.regionCode)}, target group ${groupName(risk.targetGroup, 'en')}.`,
    },
    facts: { regionCode: risk.regionCode, targetGroups: [risk.targetGroup] },
    mandatoryRecipients: [regionKey(risk.regionCode)],
  };
}

export const RULE_LABELS = RULE;
