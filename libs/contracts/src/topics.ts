/** One topic per aggregate type, keyed by aggregate id (architecture.md, "Events"). */
export const Topics = {
  offer: 'offers.offer',
  reservation: 'offers.reservation',
  placement: 'visitation.placement',
  waitlist: 'visitation.waitlist',
  booking: 'visitation.booking',
  progression: 'visitation.progression',
  tariff: 'tariffs.tariff',
  settlement: 'tariffs.settlement',
  earlyWarning: 'notifications.early-warning',
  supply: 'notifications.supply',
} as const;

export type TopicName = (typeof Topics)[keyof typeof Topics];

export const ALL_TOPICS: readonly TopicName[] = Object.values(Topics);

/** Dead letters of `topic` go to `<topic>.dlq`. */
export function deadLetterTopic(topic: string): string {
  return `${topic}.dlq`;
}

/** The service that owns a topic, and alone publishes on it: `offers.offer` is offers'. */
export function topicOwner(topic: string): string {
  return topic.split('.')[0];
}
