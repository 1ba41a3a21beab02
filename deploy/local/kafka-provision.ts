// Creates every topic (and its dead-letter topic) and grants each service principal what
// libs/messaging's access map allows it, as the broker's admin. npm start runs it after the broker
// is up; run it again and nothing changes (topics exist, ACLs are a set).
//   KAFKA_SASL_USERNAME=admin KAFKA_SASL_PASSWORD=… node -r ./deploy/local/register.js deploy/local/kafka-provision.ts
import { ALL_TOPICS, deadLetterTopic } from '@tilbudsnet/contracts';
import { createKafkaBus, grantsFor, KAFKA_PRINCIPALS } from '@tilbudsnet/messaging';

async function main(): Promise<void> {
  const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092').split(',');
  const topicPrefix = process.env.KAFKA_TOPIC_PREFIX ?? '';
  const admin = await createKafkaBus({ brokers, clientId: 'provisioning', topicPrefix }).admin();
  try {
    const partitions = Number(process.env.KAFKA_PARTITIONS ?? 3);
    await admin.ensureTopics([...ALL_TOPICS, ...ALL_TOPICS.map(deadLetterTopic)].map((topic) => ({ topic, partitions })));
    for (const principal of KAFKA_PRINCIPALS) {
      // A service's consumer group may be renamed (<SERVICE>_CONSUMER_GROUP); its grants follow the name.
      const consumerGroup = process.env[`${principal.toUpperCase()}_CONSUMER_GROUP`] ?? principal;
      await admin.grant(principal, grantsFor(principal, { topicPrefix, consumerGroup }));
    }
    console.log(`kafka: topics and ACLs in place for ${KAFKA_PRINCIPALS.join(', ')}${topicPrefix ? ` (topic prefix ${topicPrefix})` : ''}`);
  } finally {
    await admin.disconnect();
  }
}

main().catch((error) => {
  console.error(`kafka provisioning failed: ${String(error)}`);
  process.exit(1);
});
