import { Injectable } from '@nestjs/common';
import { organisationLabel, type Principal } from '@tilbudsnet/auth';
import { RuleViolation } from '@tilbudsnet/contracts';
import { checkOutboundUrl, outboundPolicyFromEnv } from '@tilbudsnet/platform';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { userKey } from '../notices/domain/notice';
import type { CreateSubscriptionRequest, CreateWebhookRequest } from './subscription.requests';
import { NoticeDispatcher } from '../notices/notice-dispatcher';

/** Kinds that are about "our" citizens or statements, so only an organisation that can have them may ask. */
const MUNICIPALITY_KINDS = new Set(['capacity-changed', 'waitlist-match']);

/** Subscriptions, the organisation's mailbox and its webhooks: all scoped to the caller's organisation. */
@Injectable()
export class Subscribing {
  constructor(private readonly dataSource: DataSource, private readonly dispatcher: NoticeDispatcher) {}

  async subscribe(principal: Principal, request: CreateSubscriptionRequest) {
    if (MUNICIPALITY_KINDS.has(request.kind) && principal.organisation.kind !== 'municipality') {
      throw new RuleViolation('kind', 'municipality-kind', `${request.kind} is about a municipality's own citizens; only municipalities subscribe to it`, 422);
    }
    if (request.filter?.minIncreasePct !== undefined && request.kind !== 'tariff-published') {
      throw new RuleViolation('filter.minIncreasePct', 'tariff-kind-only', 'minIncreasePct applies to tariff-published only', 422);
    }
    const organisation = organisationLabel(principal.organisation);
    const owner = request.scope === 'user' ? userKey(principal.sub) : organisation;
    const id = randomUUID();
    await this.dataSource.query('INSERT INTO subscriptions (id, owner, organisation, kind, filter, email) VALUES ($1, $2, $3, $4, $5, $6)', [
      id, owner, organisation, request.kind, JSON.stringify(request.filter ?? {}), request.email ?? null]);
    return { id, owner, kind: request.kind, filter: request.filter ?? {}, email: request.email ?? null };
  }

  async list(principal: Principal) {
    const rows = await this.dataSource.query(
      'SELECT id, owner, kind, filter, email, created_at AS "createdAt" FROM subscriptions WHERE owner = ANY($1) ORDER BY created_at', [this.keysOf(principal)]);
    return { items: rows };
  }

  async unsubscribe(principal: Principal, id: string): Promise<void> {
    const deleted: [unknown[], number] = await this.dataSource.query('DELETE FROM subscriptions WHERE id = $1 AND owner = ANY($2)', [id, this.keysOf(principal)]);
    if (!deleted[1]) throw new RuleViolation('id', 'own-subscription', 'no subscription with this id of yours or your organisation', 404);
  }

  async setContact(principal: Principal, email: string) {
    const organisation = organisationLabel(principal.organisation);
    await this.dataSource.query('INSERT INTO organisation_contacts (organisation, email) VALUES ($1, $2) ON CONFLICT (organisation) DO UPDATE SET email = $2', [organisation, email]);
    return { organisation, email };
  }

  async contact(principal: Principal) {
    const organisation = organisationLabel(principal.organisation);
    const [row] = await this.dataSource.query('SELECT email FROM organisation_contacts WHERE organisation = $1', [organisation]);
    return { organisation, email: row?.email ?? null };
  }

  /** The secret is shown once, here; the receiver keeps it to check signatures. */
  async addWebhook(principal: Principal, request: CreateWebhookRequest) {
    // Registration refuses what delivery would refuse (an internal address, plain http, user:password).
    const refusal = await checkOutboundUrl(request.url, outboundPolicyFromEnv());
    if (refusal) throw new RuleViolation('url', refusal.rule, refusal.message, 400);
    const id = randomUUID();
    const secret = randomBytes(32).toString('hex');
    const organisation = organisationLabel(principal.organisation);
    await this.dataSource.query('INSERT INTO webhooks (id, organisation, url, secret, kinds) VALUES ($1, $2, $3, $4, $5)', [id, organisation, request.url, secret, request.kinds]);
    return { id, url: request.url, kinds: request.kinds, enabled: true, secret };
  }

  async webhooks(principal: Principal) {
    const rows = await this.dataSource.query(
      `SELECT id, url, kinds, enabled, consecutive_failures AS "consecutiveFailures", disabled_at AS "disabledAt", created_at AS "createdAt"
       FROM webhooks WHERE organisation = $1 ORDER BY created_at`, [organisationLabel(principal.organisation)]);
    return { items: rows };
  }

  /** Delivery log, newest first. */
  async deliveries(principal: Principal, webhookId: string) {
    await this.ownWebhook(principal, webhookId);
    const rows = await this.dataSource.query(
      `SELECT d.id, d.notice_id AS "noticeId", n.kind, d.status, d.attempts, d.last_status AS "lastStatus", d.last_error AS "lastError",
         d.next_attempt_at AS "nextAttemptAt", d.delivered_at AS "deliveredAt", d.created_at AS "createdAt"
       FROM deliveries d JOIN notices n ON n.id = d.notice_id WHERE d.channel = 'webhook' AND d.target = $1 ORDER BY d.created_at DESC LIMIT 200`, [webhookId]);
    return { items: rows };
  }

  /** Re-enabled by its owner: the failure count starts again and waiting deliveries go out. */
  async enableWebhook(principal: Principal, webhookId: string) {
    await this.ownWebhook(principal, webhookId);
    await this.dataSource.transaction(async (manager) => {
      await manager.query('UPDATE webhooks SET enabled = true, consecutive_failures = 0, disabled_at = NULL WHERE id = $1', [webhookId]);
      await manager.query("UPDATE deliveries SET status = 'pending', next_attempt_at = now() WHERE channel = 'webhook' AND target = $1 AND status = 'suspended'", [webhookId]);
    });
    return (await this.webhooks(principal)).items.find((w: { id: string }) => w.id === webhookId);
  }

  async removeWebhook(principal: Principal, webhookId: string): Promise<void> {
    await this.ownWebhook(principal, webhookId);
    await this.dataSource.query('DELETE FROM webhooks WHERE id = $1', [webhookId]);
  }

  /**
   * "Send test": a test notice to this webhook alone, through the same delivery worker, signature,
   * outbound guard and log as real notices, so its owner sees what the receiver answers.
   */
  async sendTest(principal: Principal, webhookId: string): Promise<{ noticeId: string }> {
    await this.ownWebhook(principal, webhookId);
    const noticeId = randomUUID();
    await this.dataSource.transaction(async (manager) => {
      await manager.query('INSERT INTO notices (id, kind, title, body, data) VALUES ($1, $2, $3, $4, $5)', [
        noticeId, 'webhook-test',
        JSON.stringify({ da: 'Test fra Tilbudsnet', en: 'Test from Tilbudsnet' }),
        JSON.stringify({ da: 'Denne besked prøver jeres webhook. Den kræver ingen handling.', en: 'This message tries your webhook. It needs no action.' }),
        JSON.stringify({ webhookId }),
      ]);
      await this.dispatcher.deliver(manager, noticeId, 'webhook', webhookId);
    });
    return { noticeId };
  }

  private async ownWebhook(principal: Principal, webhookId: string): Promise<void> {
    const [row] = await this.dataSource.query('SELECT 1 FROM webhooks WHERE id = $1 AND organisation = $2', [webhookId, organisationLabel(principal.organisation)]);
    if (!row) throw new RuleViolation('id', 'own-webhook', 'no webhook with this id of your organisation', 404);
  }

  private keysOf(principal: Principal): string[] {
    return [userKey(principal.sub), organisationLabel(principal.organisation)];
  }
}
