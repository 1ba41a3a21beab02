import { Injectable, Logger } from '@nestjs/common';
import { IntervalJob } from '@tilbudsnet/platform';
import { DataSource, type EntityManager } from 'typeorm';
import { retryDelayMs } from './domain/webhook-signature';
import { Mailer } from './mailer';
import { WebhookSender } from './webhook-sender';

interface DueDelivery {
  id: string;
  notice_id: string;
  channel: 'email' | 'webhook';
  target: string;
  attempts: number;
  kind: string;
  title: { da: string; en: string };
  body: { da: string; en: string };
  data: Record<string, unknown>;
  created_at: Date;
}

/** Settings with their defaults; read once per run so tests can shorten them. */
function settings(env = process.env) {
  return {
    retryBaseMs: Number(env.DELIVERY_RETRY_BASE_MS ?? 5000),
    maxAttempts: Number(env.DELIVERY_MAX_ATTEMPTS ?? 10),
    disableWebhookAfter: Number(env.WEBHOOK_DISABLE_AFTER_FAILURES ?? 5),
  };
}

/**
 * Sends pending deliveries every `DELIVERY_INTERVAL_MS` (default 1000; 0 off). Rows are claimed
 * with FOR UPDATE SKIP LOCKED so replicas never send one twice. A failure is retried with
 * exponential backoff; a webhook that fails `WEBHOOK_DISABLE_AFTER_FAILURES` times in a row is
 * disabled and its deliveries wait until the owner enables it again.
 */
@Injectable()
export class DeliveryWorker extends IntervalJob {
  private readonly log = new Logger('DeliveryWorker');

  constructor(private readonly dataSource: DataSource, private readonly mailer: Mailer, private readonly webhooks: WebhookSender) {
    super('DeliveryWorker', 'DELIVERY_INTERVAL_MS', 1000);
  }

  protected work(now: Date): Promise<void> {
    return this.sendDue(now);
  }

  private sendDue(now: Date): Promise<void> {
    return this.dataSource.transaction(async (manager) => {
      const due: DueDelivery[] = await manager.query(
        `SELECT d.id, d.notice_id, d.channel, d.target, d.attempts, n.kind, n.title, n.body, n.data, n.created_at
         FROM deliveries d JOIN notices n ON n.id = d.notice_id
         WHERE d.status = 'pending' AND d.next_attempt_at <= $1
         ORDER BY d.next_attempt_at LIMIT 50 FOR UPDATE OF d SKIP LOCKED`, [now]);
      for (const delivery of due) {
        if (delivery.channel === 'email') await this.sendEmail(manager, delivery, now);
        else await this.sendWebhook(manager, delivery, now);
      }
    });
  }

  private async sendEmail(manager: EntityManager, d: DueDelivery, now: Date): Promise<void> {
    try {
      await this.mailer.send({ to: d.target, subject: d.title.da, text: `${d.body.da}\n\n— ${d.title.en}\n${d.body.en}\n\nTilbudsnet` });
      await manager.query("UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = $2, last_error = NULL WHERE id = $1", [d.id, now]);
    } catch (error) {
      await this.failed(manager, d, now, null, (error as Error).message);
    }
  }

  private async sendWebhook(manager: EntityManager, d: DueDelivery, now: Date): Promise<void> {
    const [webhook] = await manager.query('SELECT url, secret, enabled FROM webhooks WHERE id = $1 FOR UPDATE', [d.target]);
    if (!webhook) {
      await manager.query("UPDATE deliveries SET status = 'failed', last_error = 'webhook deleted' WHERE id = $1", [d.id]);
      return;
    }
    if (!webhook.enabled) {
      await manager.query("UPDATE deliveries SET status = 'suspended' WHERE id = $1", [d.id]);
      return;
    }
    const body = JSON.stringify({ deliveryId: d.id, noticeId: d.notice_id, kind: d.kind, title: d.title, body: d.body, facts: d.data, createdAt: d.created_at });
    const attempt = await this.webhooks.post(webhook.url, webhook.secret, d.id, body, now.getTime());
    if (attempt.ok) {
      await manager.query("UPDATE deliveries SET status = 'delivered', attempts = attempts + 1, delivered_at = $2, last_status = $3, last_error = NULL WHERE id = $1", [d.id, now, attempt.status]);
      await manager.query('UPDATE webhooks SET consecutive_failures = 0 WHERE id = $1', [d.target]);
      return;
    }
    await this.failed(manager, d, now, attempt.status, attempt.error ?? 'failed');
    // UPDATE … RETURNING answers [rows, count] through TypeORM.
    const [[{ consecutive_failures: failures }]] = await manager.query(
      'UPDATE webhooks SET consecutive_failures = consecutive_failures + 1 WHERE id = $1 RETURNING consecutive_failures', [d.target]);
    if (failures >= settings().disableWebhookAfter) {
      await manager.query('UPDATE webhooks SET enabled = false, disabled_at = $2 WHERE id = $1', [d.target, now]);
      await manager.query("UPDATE deliveries SET status = 'suspended' WHERE target = $1 AND channel = 'webhook' AND status = 'pending'", [d.target]);
      this.log.warn(`webhook ${d.target} disabled after ${failures} failures in a row`);
    }
  }

  private async failed(manager: EntityManager, d: DueDelivery, now: Date, status: number | null, error: string): Promise<void> {
    const { retryBaseMs, maxAttempts } = settings();
    const attempts = d.attempts + 1;
    const next = new Date(now.getTime() + retryDelayMs(attempts, retryBaseMs));
    await manager.query(
      'UPDATE deliveries SET attempts = $2, status = $3, next_attempt_at = $4, last_status = $5, last_error = $6 WHERE id = $1',
      [d.id, attempts, attempts >= maxAttempts ? 'failed' : 'pending', next, status, error.slice(0, 500)],
    );
  }
}
