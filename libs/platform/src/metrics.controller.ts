import { Controller, Get, Header, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@tilbudsnet/auth';
import { MESSAGE_BUS, MessagingStats, type MessageBus } from '@tilbudsnet/messaging';
import { Counter, Gauge, Histogram, Registry } from 'prom-client';
import { DataSource } from 'typeorm';

/** One registry per app, so several apps in one process (tests) keep their own figures. */
export class HttpMetrics {
  readonly registry = new Registry();
  readonly requestSeconds = new Histogram({
    name: 'http_request_duration_seconds', help: 'HTTP request latency by route and status', labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5], registers: [this.registry],
  });
}

/**
 * `/metrics` for Prometheus (public, as scrapers expect inside the cluster): HTTP latency by route
 * and status, consumer lag per group and partition, outbox backlog (count and age of the oldest
 * unpublished event), events handled by outcome, dead letters by topic and reason.
 */
@ApiTags('health')
@Public()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly http: HttpMetrics,
    private readonly dataSource: DataSource,
    private readonly stats: MessagingStats,
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus,
  ) {}

  @ApiOperation({ summary: "Prometheus metrics", description: "HTTP latency, consumer lag, outbox backlog, events handled, dead letters." })
  @Get()
  @Header('content-type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    const registry = new Registry();
    const backlog = new Gauge({ name: 'outbox_backlog_events', help: 'Events committed but not yet published', registers: [registry] });
    const oldest = new Gauge({ name: 'outbox_oldest_unpublished_age_seconds', help: 'Age of the oldest unpublished event', registers: [registry] });
    const [row] = await this.dataSource.query(
      `SELECT count(*)::int AS n, coalesce(extract(epoch FROM now() - min(created_at)), 0)::float AS age FROM messaging_outbox WHERE published_at IS NULL`);
    backlog.set(row.n);
    oldest.set(row.age);

    const lag = new Gauge({ name: 'kafka_consumer_lag', help: 'Messages a consumer group has yet to read', labelNames: ['group', 'topic', 'partition'], registers: [registry] });
    if (this.stats.consumer?.topics.length) {
      const admin = await this.bus.admin();
      try {
        for (const p of await admin.consumerLag(this.stats.consumer.group, this.stats.consumer.topics)) {
          lag.set({ group: this.stats.consumer.group, topic: p.topic, partition: String(p.partition) }, p.lag);
        }
      } finally {
        await admin.disconnect();
      }
    }
    if (this.stats.consumer) {
      const up = new Gauge({ name: 'kafka_consumer_up', help: '1 while the event consumer runs, 0 while it is down or restarting', labelNames: ['group'], registers: [registry] });
      up.set({ group: this.stats.consumer.group }, this.stats.consumerUp ? 1 : 0);
      const restarts = new Counter({ name: 'kafka_consumer_restarts_total', help: 'Times the event consumer was started again after it stopped by itself', labelNames: ['group'], registers: [registry] });
      restarts.inc({ group: this.stats.consumer.group }, this.stats.consumerRestarts);
    }
    const handled = new Counter({ name: 'events_handled_total', help: 'Events handled by type and outcome', labelNames: ['type', 'outcome'], registers: [registry] });
    for (const [key, n] of this.stats.handled) {
      const [type, outcome] = key.split('|');
      handled.inc({ type, outcome }, n);
    }
    const dead = new Counter({ name: 'dead_letters_total', help: 'Messages dead-lettered by topic and reason', labelNames: ['topic', 'reason'], registers: [registry] });
    for (const [key, n] of this.stats.deadLetters) {
      const [topic, reason] = key.split('|');
      dead.inc({ topic, reason }, n);
    }
    return `${await this.http.registry.metrics()}\n${await registry.metrics()}`;
  }
}
