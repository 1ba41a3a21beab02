import { Topics, type TilbudsnetEvent } from '@tilbudsnet/contracts';
import { backoffDelayMs, createKafkaBus, brokersFromEnv, deadLetterFor, partitionsFromEnv, readEvent, type BusConsumer, type BusProducer, type IncomingMessage, type MessageBus } from '@tilbudsnet/messaging';
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
 * process sees every event) and passes what changed to the browsers connected to it. Every message
 * is validated against the event contract first, as every service's consumer does: one that breaks
 * it is dead-lettered and the next is read. A consumer that stops by itself is started again with
 * backoff; while it is down `up` is false, readiness fails and browsers are told (`event: status`).
 */
export class LiveUpdates {
  private readonly clients = new Set<Response>();
  private bus: MessageBus | null = null;
  private consumer: BusConsumer | null = null;
  private dlq: BusProducer | null = null;
  private heartbeat: NodeJS.Timeout | null = null;
  private stopping = false;
  private readonly group = `console-live-${randomUUID().slice(0, 8)}`;
  /** False while the consumer is down; readiness and the browsers' "not live" banner follow it. */
  up = false;
  restarts = 0;
  deadLetters = 0;

  async start(): Promise<void> {
    this.bus = createKafkaBus({ brokers: brokersFromEnv(), clientId: 'console' });
    // On a fresh broker the console may start before the services have created the topics.
    const admin = await this.bus.admin();
    try {
      await admin.ensureTopics(LIVE_TOPICS.flatMap((topic) => [topic, `${topic}.dlq`]).map((topic) => ({ topic, partitions: partitionsFromEnv() })));
    } finally {
      await admin.disconnect();
    }
    this.dlq = await this.bus.producer();
    await this.startConsumer();
    this.heartbeat = setInterval(() => { for (const client of this.clients) client.write(': keep-alive\n\n'); }, 15000);
  }

  private async startConsumer(): Promise<void> {
    const consumer = this.bus!.consumer({ groupId: this.group, sessionTimeoutMs: 10000, heartbeatIntervalMs: 1000 });
    this.consumer = consumer;
    consumer.onCrash((error) => this.restartAfterCrash(consumer, error, 1));
    await consumer.start([...LIVE_TOPICS], false, (message) => this.handle(message));
    this.setUp(true);
  }

  private restartAfterCrash(crashed: BusConsumer, error: Error, attempt: number): void {
    if (this.stopping || this.consumer !== crashed) return;
    this.setUp(false);
    const delay = backoffDelayMs(attempt, 500, 30_000);
    console.warn(JSON.stringify({ level: 'warn', service: 'console', msg: 'live-updates consumer stopped; restarting', error: error.message, attempt, delayMs: delay }));
    setTimeout(() => {
      if (this.stopping || this.consumer !== crashed) return;
      crashed.stop().catch(() => undefined).then(() => this.startConsumer()).then(() => { this.restarts++; }, (e: Error) => {
        if (this.consumer) this.restartAfterCrash(this.consumer, e, attempt + 1);
      });
    }, delay).unref();
  }

  private setUp(up: boolean): void {
    if (this.up === up) return;
    this.up = up;
    this.send(`event: status\ndata: ${JSON.stringify({ live: up })}\n\n`);
  }

  /** Never throws: a bad message must not stop the partition or the consumer. */
  async handle(message: IncomingMessage): Promise<void> {
    const read = readEvent(message);
    if (!read.ok) return this.deadLetter(message, read.reason);
    try {
      const update = toUpdate(read.event);
      if (update) this.broadcast(update);
    } catch (error) {
      return this.deadLetter(message, `console could not use the event: ${(error as Error).message}`);
    }
  }

  private async deadLetter(message: IncomingMessage, reason: string): Promise<void> {
    this.deadLetters++;
    const letter = deadLetterFor(message, this.group, reason, 0);
    try {
      await this.dlq?.send([{ topic: letter.topic, messages: [letter.message] }]);
    } catch (error) {
      // The live view can afford to drop a bad message; it must never stop for one.
      console.warn(JSON.stringify({ level: 'warn', service: 'console', msg: 'dead letter not written', topic: message.topic, offset: message.offset, error: (error as Error).message }));
    }
  }

  attach(res: Response): void {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    res.write('retry: 2000\n\n');
    res.write(`event: status\ndata: ${JSON.stringify({ live: this.up })}\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  broadcast(update: LiveUpdate): void {
    this.send(`event: ${update.type}\ndata: ${JSON.stringify(update)}\n\n`);
  }

  private send(data: string): void {
    for (const client of this.clients) client.write(data);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    if (this.heartbeat) clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    await this.consumer?.stop();
    await this.dlq?.disconnect().catch(() => undefined);
  }
}

function toUpdate(event: TilbudsnetEvent): LiveUpdate | null {
  const p = event.payload as Record<string, any>;
  switch (event.type) {
    case 'CapacityChanged':
      return { type: 'capacity', offerId: p.offerId, ...p.capacity };
    case 'OfferUpdated':
      return { type: 'offer', offerId: p.offer.offerId, status: p.offer.status };
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
