import type { Notice, NoticeKind } from '../../notices/domain/notice';

/** What a subscriber narrows a kind to; an absent field means "any". */
export interface SubscriptionFilter {
  regions?: string[];
  targetGroups?: string[];
  paragraphs?: string[];
  /** tariff-published: only rises above this percentage. */
  minIncreasePct?: number;
}

export interface Subscription {
  kind: NoticeKind;
  /** `user:<sub>` or the organisation itself. */
  owner: string;
  organisation: string;
  filter: SubscriptionFilter;
}

const overlaps = (wanted: string[] | undefined, actual: string[] | undefined) =>
  !wanted?.length || (actual ?? []).some((value) => wanted.includes(value));

/** Does this subscription want this notice? */
export function subscriptionMatches(subscription: Subscription, notice: Notice): boolean {
  const { filter } = subscription;
  const facts = notice.facts;
  if (subscription.kind !== notice.kind) return false;
  if (facts.concerns && !facts.concerns.includes(subscription.organisation)) return false;
  if (filter.regions?.length && (!facts.regionCode || !filter.regions.includes(facts.regionCode))) return false;
  if (!overlaps(filter.targetGroups, facts.targetGroups)) return false;
  if (!overlaps(filter.paragraphs, facts.paragraphs)) return false;
  if (filter.minIncreasePct !== undefined) {
    if (facts.increasePct === undefined || facts.increasePct === null || facts.increasePct <= filter.minIncreasePct) return false;
  }
  return true;
}

export interface Recipient {
  key: string;
  reason: 'mandatory' | 'subscription';
  /** E-mail address a subscription asked for, beside the inbox. */
  email?: string;
}

/**
 * Everyone who gets the notice: the mandatory recipients, then each matching subscription's owner.
 * One entry per recipient key; a mandatory reason wins over a subscription.
 */
export function recipientsOf(notice: Notice, subscriptions: (Subscription & { email?: string | null })[]): Recipient[] {
  const byKey = new Map<string, Recipient>();
  for (const key of notice.mandatoryRecipients) byKey.set(key, { key, reason: 'mandatory' });
  for (const subscription of subscriptions) {
    if (!subscriptionMatches(subscription, notice)) continue;
    const existing = byKey.get(subscription.owner);
    if (!existing) byKey.set(subscription.owner, { key: subscription.owner, reason: 'subscription', email: subscription.email ?? undefined });
    else if (!existing.email && subscription.email) existing.email = subscription.email;
  }
  return [...byKey.values()];
}
