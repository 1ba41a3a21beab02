/**
 * Which region a case waits in when offers refuses for want of a place: the region the officer
 * asked for in the needs, else the region of the offer that had no place.
 */
export function waitlistRegionFor(needs: { preferredRegion?: string | null }, refusingOffer: { regionCode: string } | null): string | null {
  return needs.preferredRegion ?? refusingOffer?.regionCode ?? null;
}

/** Only a refusal for want of a place puts the case on the waiting list; other refusals need another offer. */
export function joinsWaitlistAfter(reason: string): boolean {
  return reason === 'no-vacancy';
}

/** Reviews due within this many days are on the officer's worklist. */
export const REVIEW_HORIZON_DAYS = 30;

/** The last review date on today's worklist. */
export function reviewHorizon(today: Date, days = REVIEW_HORIZON_DAYS): string {
  return new Date(today.getTime() + days * 86400_000).toISOString().slice(0, 10);
}
