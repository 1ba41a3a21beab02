/**
 * Controlled vocabularies for offers (domain.md, "Offers"). Shared by every service so that a
 * filter value in visitation means the same as the value offers stored.
 */

/** Legal basis: paragraphs of serviceloven (SEL). */
export const PARAGRAPHS = ['66', '67', '101', '103', '104', '107', '108'] as const;
export type Paragraph = (typeof PARAGRAPHS)[number];

/** Specialiseringsniveau. */
export const SPECIALISATION_LEVELS = ['general', 'specialised', 'highly-specialised'] as const;
export type SpecialisationLevel = (typeof SPECIALISATION_LEVELS)[number];

/** Status of an offer over its life (åben, lukket for indskrivning, under tilpasning, lukning varslet, lukket). */
export const OFFER_STATUSES = ['active', 'closed-to-admissions', 'adjusting', 'closure-announced', 'closed'] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];

/** Driftsherre kinds: a municipality, a region, or a private provider (CVR). */
export const OPERATOR_KINDS = ['municipality', 'region', 'private'] as const;
export type OperatorKind = (typeof OPERATOR_KINDS)[number];

export interface TargetGroupTerm {
  id: string;
  da: string;
  en: string;
  /** Named by the national coordination structure (SEL §13 b-c). */
  nationalCoordination: boolean;
}

/**
 * Målgrupper. The flagged ones are national-coordination target groups; the national list has 31
 * and is extended here as the secretariats ask for more of it.
 */
export const TARGET_GROUPS: readonly TargetGroupTerm[] = [
  { id: 'autism', da: 'Autisme', en: 'Autism', nationalCoordination: false },
  { id: 'acquired-brain-injury', da: 'Erhvervet hjerneskade', en: 'Acquired brain injury', nationalCoordination: false },
  { id: 'intellectual-disability', da: 'Udviklingshæmning', en: 'Intellectual disability', nationalCoordination: false },
  { id: 'psychiatric-illness', da: 'Sindslidelse', en: 'Psychiatric illness', nationalCoordination: false },
  { id: 'dual-diagnosis', da: 'Dobbeltdiagnose', en: 'Dual diagnosis', nationalCoordination: false },
  { id: 'homelessness', da: 'Hjemløshed', en: 'Homelessness', nationalCoordination: false },
  { id: 'severe-visual-impairment', da: 'Alvorlig synsnedsættelse', en: 'Severe visual impairment', nationalCoordination: true },
  { id: 'deafblindness', da: 'Døvblindhed', en: 'Deafblindness', nationalCoordination: true },
  { id: 'severe-hearing-impairment', da: 'Alvorligt høretab', en: 'Severe hearing impairment', nationalCoordination: true },
  { id: 'severe-eating-disorder', da: 'Svær spiseforstyrrelse', en: 'Severe eating disorder', nationalCoordination: true },
  { id: 'severe-self-harm', da: 'Svær selvskade', en: 'Severe self-harm', nationalCoordination: true },
];

export const TARGET_GROUP_IDS: readonly string[] = TARGET_GROUPS.map((t) => t.id);
