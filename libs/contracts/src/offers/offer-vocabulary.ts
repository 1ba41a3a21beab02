/**
 * Controlled vocabularies for offers (domain.md, "Offers"). Shared by every service so that a
 * filter value in visitation means the same as the value offers stored.
 */

/** Legal basis: paragraphs of serviceloven (SEL) under which specialised social offers are registered. */
export const PARAGRAPHS = ['32', '36', '66', '67', '85', '101', '102', '103', '104', '107', '108', '109', '110'] as const;
export type Paragraph = (typeof PARAGRAPHS)[number];

export interface ParagraphTerm {
  paragraph: Paragraph;
  da: string;
  en: string;
  /** Where the law has moved the provision, in words. */
  movedTo?: string;
}

/**
 * The paragraphs with their headings, paraphrased from Lov om social service (serviceloven) as the
 * authors know it; the children's provisions (§§ 32, 36, 66, 67) moved to barnets lov on 1 January
 * 2024, and offers registered under them keep the SEL number here until the successor numbers are
 * checked against retsinformation.dk (not reachable from where this list was written).
 */
export const PARAGRAPHS_SOURCE = 'Lov om social service (serviceloven): headings paraphrased by the Tilbudsnet authors; children\'s provisions moved to barnets lov from 1 January 2024 (successor numbers to be checked against retsinformation.dk).';
export const PARAGRAPH_TERMS: readonly ParagraphTerm[] = [
  { paragraph: '32', da: 'Særlige dagtilbud til børn med nedsat funktionsevne', en: 'Special day care for children with disabilities', movedTo: 'barnets lov (2024)' },
  { paragraph: '36', da: 'Særlige klubtilbud til større børn og unge med nedsat funktionsevne', en: 'Special clubs for older children and young people with disabilities', movedTo: 'barnets lov (2024)' },
  { paragraph: '66', da: 'Anbringelsessteder (opholdssteder, plejefamilier)', en: 'Placement settings (residential homes, foster families)', movedTo: 'barnets lov (2024)' },
  { paragraph: '67', da: 'Døgninstitutioner for børn og unge', en: 'Residential institutions for children and young people', movedTo: 'barnets lov (2024)' },
  { paragraph: '85', da: 'Socialpædagogisk bistand', en: 'Socio-educational support' },
  { paragraph: '101', da: 'Behandling af stofmisbrug', en: 'Treatment of drug misuse' },
  { paragraph: '102', da: 'Behandling af personer med nedsat funktionsevne', en: 'Treatment for people with disabilities' },
  { paragraph: '103', da: 'Beskyttet beskæftigelse', en: 'Sheltered employment' },
  { paragraph: '104', da: 'Aktivitets- og samværstilbud', en: 'Activity and social centres' },
  { paragraph: '107', da: 'Midlertidige botilbud', en: 'Temporary residential care' },
  { paragraph: '108', da: 'Længerevarende botilbud', en: 'Long-term residential care' },
  { paragraph: '109', da: 'Krisecentre for kvinder', en: "Women's crisis centres" },
  { paragraph: '110', da: 'Forsorgshjem og herberger', en: 'Shelters for homeless people' },
];

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
