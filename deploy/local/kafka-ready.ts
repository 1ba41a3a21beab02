// Waits until the broker at argv[2] lets a consumer join a group (not just until the port opens).
import { randomUUID } from 'node:crypto';
import { createKafkaBus } from '@tilbudsnet/messaging';

async function main(): Promise<void> {
  const brokers = (process.argv[2] ?? '127.0.0.1:9092').split(',');
  const deadline = Date.now() + Number(process.env.KAFKA_READY_TIMEOUT_MS ?? 90000);
  const bus = createKafkaBus({ brokers, clientId: 'readiness-check' });
  for (;;) {
    try {
      const admin = await bus.admin();
      await admin.ensureTopics([{ topic: 'tilbudsnet.readiness', partitions: 1 }]);
      await admin.disconnect();
      const consumer = bus.consumer({ groupId: `readiness-${randomUUID()}`, sessionTimeoutMs: 6000, heartbeatIntervalMs: 500 });
      await consumer.start(['tilbudsnet.readiness'], false, async () => undefined);
      await consumer.stop();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}

main().then(() => process.exit(0), (error) => {
  console.error(`kafka not ready: ${String(error)}`);
  process.exit(1);
});
