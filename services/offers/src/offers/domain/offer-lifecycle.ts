import { RuleViolation, type Paragraph } from '@tilbudsnet/contracts';
import { checkEffectiveDate, type NoticeRule } from './notice-rule';
import { approvedPlacesOf, capacityChanged, decide, offerUpdated, type Decision, type OfferState } from './offer';

function checkNotice(effectiveDate: string, today: string, rule: NoticeRule): void {
  const check = checkEffectiveDate(effectiveDate, today, rule);
  if (!check.ok) {
    const why = check.problem === 'too-early'
      ? `residents must have at least ${rule.noticeMonths} months' notice`
      : 'a change takes effect on the first weekday of a month';
    throw new RuleViolation('effectiveDate', `notice-${check.problem}`, `effectiveDate ${effectiveDate} is not allowed: ${why}; the earliest allowed date is ${check.earliest}`, 422, { earliestAllowedDate: check.earliest });
  }
}

function mustBeOpen(offer: OfferState): void {
  if (offer.status === 'closed' || offer.status === 'closure-announced') {
    throw new RuleViolation('status', 'not-closing', `the offer is already ${offer.status}`, 409);
  }
}

/** Lukning: announced with the region's notice; the offer takes no admissions from now. */
export function announceClosure(offer: OfferState, request: { effectiveDate: string; reason?: string }, today: string, rule: NoticeRule): Decision {
  mustBeOpen(offer);
  checkNotice(request.effectiveDate, today, rule);
  return decide(offer, [
    {
      type: 'OfferClosureAnnounced', aggregateId: offer.id,
      payload: { offerId: offer.id, effectiveDate: request.effectiveDate, placementsAffected: offer.occupiedPlaces, ...(request.reason ? { reason: request.reason } : {}) },
    },
    offerUpdated(),
  ]);
}

/** Tilpasning: fewer approved places under one paragraph, from a date with the region's notice. */
export function announceAdjustment(
  offer: OfferState, request: { paragraph?: Paragraph; approvedPlaces: number; effectiveDate: string; reason?: string }, today: string, rule: NoticeRule,
): Decision {
  mustBeOpen(offer);
  const paragraph = request.paragraph ?? (offer.paragraphs.length === 1 ? offer.paragraphs[0].paragraph : undefined);
  const current = offer.paragraphs.find((p) => p.paragraph === paragraph);
  if (!paragraph || !current) throw new RuleViolation('paragraph', 'offer-has-paragraph', 'name one of the offer\'s paragraphs');
  if (request.approvedPlaces >= current.approvedPlaces) {
    throw new RuleViolation('approvedPlaces', 'reduction-only', 'an adjustment reduces places; raise places with a capacity change');
  }
  checkNotice(request.effectiveDate, today, rule);
  const after = approvedPlacesOf(offer) - current.approvedPlaces + request.approvedPlaces;
  const placementsAffected = Math.max(0, offer.occupiedPlaces - after);
  return decide(offer, [
    {
      type: 'OfferAdjustmentAnnounced', aggregateId: offer.id,
      payload: { offerId: offer.id, effectiveDate: request.effectiveDate, paragraph, approvedPlaces: request.approvedPlaces, placementsAffected, ...(request.reason ? { reason: request.reason } : {}) },
    },
    offerUpdated(),
  ]);
}

/** On the day: an announced closure closes the offer; an announced reduction takes effect. */
export function takeEffect(offer: OfferState, today: string): Decision | null {
  if (offer.status === 'closure-announced' && offer.closureEffectiveDate && offer.closureEffectiveDate <= today) {
    return decide(offer, [
      { type: 'OfferClosed', aggregateId: offer.id, payload: { offerId: offer.id, closedOn: offer.closureEffectiveDate } },
      capacityChanged('adjustment-effective', { paragraphs: offer.paragraphs.map((p) => ({ ...p, approvedPlaces: 0 })) }),
      offerUpdated(),
    ]);
  }
  const pending = offer.pendingAdjustment;
  if (offer.status === 'adjusting' && pending && pending.effectiveDate <= today) {
    return decide(offer, [
      capacityChanged('adjustment-effective', { paragraphs: offer.paragraphs.map((p) => (p.paragraph === pending.paragraph ? { ...p, approvedPlaces: pending.approvedPlaces } : { ...p })) }),
      offerUpdated(),
    ]);
  }
  return null;
}
