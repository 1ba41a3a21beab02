/**
 * A notice: one thing that happened, told once, in Danish and English, with the facts that decide
 * who gets it. Recipients are organisations (`municipality:0101`, `region:1084`,
 * `operator:private:12345678`) or single users (`user:<sub>`).
 */
export const NOTICE_KINDS = [
  'vacancy-opened', 'capacity-changed', 'closure-or-reduction', 'tariff-published', 'early-warning', 'waitlist-match', 'settlement-issued',
  'supply-risk',
] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

export interface Text {
  da: string;
  en: string;
}

export interface NoticeFacts {
  regionCode?: string;
  targetGroups?: string[];
  paragraphs?: string[];
  offerId?: string;
  /** For kinds that are about "us": the organisations concerned; a subscription of another organisation never matches. */
  concerns?: string[];
  /** tariff-published: rise against the previous tariff in percent; null when there was none. */
  increasePct?: number | null;
}

export interface Notice {
  kind: NoticeKind;
  title: Text;
  body: Text;
  facts: NoticeFacts;
  /** Sent to these whatever their subscriptions (closures and early warnings; domain.md). */
  mandatoryRecipients: string[];
}

export const municipalityKey = (code: string) => `municipality:${code}`;
export const regionKey = (code: string) => `region:${code}`;
export const userKey = (sub: string) => `user:${sub}`;
/** An operator (driftsherre) as the read models name it (`municipality:0751`, `private:12345678`). */
export const operatorKey = (operator: string) => `operator:${operator}`;
