import { Topics } from '@tilbudsnet/contracts';
import { createKafkaBus, brokersFromEnv, partitionsFromEnv, type BusConsumer } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import type { Response } from 'express';

const LIVE_TOPICS = [Topics.offer, Topics.earlyWarning, Topics.supply, Topics.waitlist, Topics.settlement] as const;

/** What the browser is told: figures and ids only (no personal data crosses Kafka anyway). */
export type LiveUpdate =
  | { type: 'capacity'; offerId: string; approvedPlaces: number; occupiedPlaces: number; reservedPlaces: number; vacantPlaces: number }
  | { type: 'offer'; offerId: string; status: string }
  | { type: 'early-warning'; warningId: string; regionCode: string; status: string }
  | { type: 'notice' };

/**
 * Server-sent events: each console process reads the topics with a group of its own (every
 * process sees every event) and passes what changed to the browsers connected to it.
 */
export class LiveUpdates {
  private readonly clients = new Set<Response>();
  private consumer: BusConsumer | null = null;
  private heartbeat: NodeJS.Timeout | null = null;

  async start(): Promise<void> {
    const bus = createKafkaBus({ brokers: brokersFromEnv(), clientId: 'console' });
    // On a fresh broker the console may start before the services have created the topics.
    const admin = await bus.admin();
    try {
      await admin.ensureTopics(LIVE_TOPICS.map((topic) => ({ topic, partitions: partitionsFromEnv() })));
    } finally {
      await admin.disconnect();
    }
    this.consumer = bus.consumer({ groupId: `console-live-${randomUUID().slice(0, 8)}`, sessionTimeoutMs: 10000, heartbeatIntervalMs: 1000 });
    await this.consumer.start([...LIVE_TOPICS], false, async (message) => {
      const update = toUpdate(message.value);
      if (update) this.broadcast(update);
    });
    this.heartbeat = setInterval(() => { for (const client of this.clients) client.write(': keep-alive\n\n'); }, 15000);
  }

  attach(res: Response): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  broadcast(update: LiveUpdate): void {
    const data = `event: ${update.type}\ndata: ${JSON.stringify(update)}\n\n`;
    for (const client of this.clients) client.write(data);
  }

  async stop(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    await this.consumer?.stop();
  }
}

function toUpdate(value: string | null): LiveUpdate | null {
  let event: { type?: string; payload?: Record<string, any> };
  try {
    event = JSON.parse(value ?? '');
  } catch {
    return null;
  }
  const p = event.payload ?? {};
  switch (event.type) {
    case 'CapacityChanged':
      return { type: 'capacity', offerId: p.offerId, ...p.capacity };
    case 'OfferUpdated':
      return { type: 'offer', offerId: p.offer?.offerId, status: p.offer?.status };
    case 'EarlyWarningRaised':
      return { type: 'early-warning', warningId: p.warningId, regionCode: p.regionCode, status: 'raised' };
    case 'EarlyWarningStatusChanged':
      return { type: 'early-warning', warningId: p.warningId, regionCode: p.regionCode, status: p.status };
    case 'OfferClosureAnnounced':
    case 'OfferAdjustmentAnnounced':
    case 'SupplyRiskDetected':
    case 'SettlementIssued':
    case 'WaitlistMatchFound':
      return { type: 'notice' };
    default:
      return null;
  }
}
