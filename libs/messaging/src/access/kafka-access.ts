import { ALL_TOPICS, deadLetterTopic, Topics, topicOwner, type TopicName } from '@tilbudsnet/contracts';

/**
 * Who may do what on the broker: one Kafka principal per service (SASL/SCRAM user of the same
 * name). A service writes only the topics it owns, reads only what it consumes, and dead-letters
 * what it consumes. The local broker (deploy/local/kafka-provision.ts) and the Strimzi users in
 * deploy/k8s are both made from this one map.
 */
export const KAFKA_PRINCIPALS = ['offers', 'visitation', 'tariffs', 'notifications', 'console'] as const;
export type KafkaPrincipal = (typeof KAFKA_PRINCIPALS)[number];

/** The topics each principal consumes (besides its own, which a service may read back). */
const CONSUMES: Record<KafkaPrincipal, readonly TopicName[]> = {
  offers: [Topics.placement, Topics.booking],
  visitation: [Topics.offer, Topics.reservation, Topics.tariff],
  tariffs: [Topics.offer, Topics.placement, Topics.reservation],
  notifications: [Topics.offer, Topics.reservation, Topics.placement, Topics.waitlist, Topics.tariff, Topics.settlement],
  // The console only streams figures to browsers; it owns no topic and publishes nothing but dead letters.
  console: [Topics.offer, Topics.earlyWarning, Topics.supply, Topics.waitlist, Topics.settlement],
};

export function topicsWrittenBy(principal: KafkaPrincipal): TopicName[] {
  return ALL_TOPICS.filter((topic) => topicOwner(topic) === principal);
}

export function topicsReadBy(principal: KafkaPrincipal): TopicName[] {
  const own = topicsWrittenBy(principal);
  return ALL_TOPICS.filter((topic) => own.includes(topic) || CONSUMES[principal].includes(topic));
}

export type KafkaOperation = 'READ' | 'WRITE' | 'DESCRIBE';

/** One allow rule: `operations` on a topic or group named `name` (exactly, or every name starting with it). */
export interface KafkaGrant {
  resource: 'topic' | 'group';
  pattern: 'literal' | 'prefixed';
  name: string;
  operations: KafkaOperation[];
}

export interface AccessNames {
  /** `KAFKA_TOPIC_PREFIX` of the system (several systems on one broker); '' in production. */
  topicPrefix: string;
  /** The principal's consumer group (its configured name); other groups it uses start with it. */
  consumerGroup: string;
}

/** Groups that readers of a whole topic use (dead-letter view, read-to-end), by prefix. */
const SHARED_READER_GROUPS = ['dead-letter-reader', 'read-to-end'];

export function grantsFor(principal: KafkaPrincipal, names: AccessNames): KafkaGrant[] {
  const topic = (name: string, operations: KafkaOperation[]): KafkaGrant => ({ resource: 'topic', pattern: 'literal', name: names.topicPrefix + name, operations });
  const writes = topicsWrittenBy(principal);
  const reads = topicsReadBy(principal);
  const grants: KafkaGrant[] = [];
  for (const t of ALL_TOPICS) {
    const operations: KafkaOperation[] = ['DESCRIBE'];
    if (reads.includes(t)) operations.push('READ');
    if (writes.includes(t)) operations.push('WRITE');
    grants.push(topic(t, operations));
  }
  for (const t of ALL_TOPICS) {
    // Dead letters of what it consumes; the services' dead-letter view reads every dead-letter topic.
    const operations: KafkaOperation[] = ['DESCRIBE'];
    if (principal !== 'console') operations.push('READ');
    if (reads.includes(t)) operations.push('WRITE');
    grants.push(topic(deadLetterTopic(t), operations));
  }
  const groups = principal === 'console' ? ['console-live'] : [names.consumerGroup, ...SHARED_READER_GROUPS];
  for (const group of groups) grants.push({ resource: 'group', pattern: 'prefixed', name: group, operations: ['READ'] });
  return grants;
}
