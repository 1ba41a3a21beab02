import { Injectable } from '@nestjs/common';
import { managesOperator, organisationLabel, type Principal, requireOwnOperator, servesRegion } from '@tilbudsnet/auth';
import { applyEvents, createEvent, type EarlyWarningCategory, type EarlyWarningSeverity, type EarlyWarningStatus, type EventCause, RuleViolation, type SupplyRule, type TilbudsnetEvent } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { actOnWarning, evolveWarning, type EarlyWarningAction, type WarningState } from './domain/early-warning-lifecycle';
import { municipalityKey, regionKey } from '../notices/domain/notice';
import { earlyWarningRaised, earlyWarningResolved } from '../notices/domain/notice-texts';
import { NoticeDispatcher } from '../notices/notice-dispatcher';
import { municipalitiesWithCitizens, offerRow, recentBuyersOf } from '../read-models/read-model-queries';
import type { RaiseEarlyWarningRequest } from './early-warning.request';

export interface EarlyWarningView {
  id: string;
  offerId: string | null;
  offerName: string | null;
  regionCode: string;
  targetGroups: string[];
  category: EarlyWarningCategory;
  severity: EarlyWarningSeverity;
  description: string;
  source: 'operator' | 'rule';
  rule: SupplyRule | null;
  status: EarlyWarningStatus;
  actionPlan: string | null;
  raisedAt: string;
  history: { at: string; status: EarlyWarningStatus; byOrganisation: string; note: string | null }[];
}

interface NewWarning {
  offerId: string | null;
  subject: string;
  regionCode: string;
  targetGroups: string[];
  category: EarlyWarningCategory;
  severity: EarlyWarningSeverity;
  description: string;
  source: 'operator' | 'rule';
  rule?: SupplyRule;
  ruleKey?: string;
  raisedBy: { organisation: string; user: string };
}

/**
 * Tidlig varsling: raised by an operator about its offer, or by a supply rule; followed by the
 * region's secretariat until resolved. Recipients: the secretariat, municipalities with citizens in
 * the offer, and municipalities that placed citizens in the target group in the last 12 months.
 */
@Injectable()
export class HandlingEarlyWarnings {
  constructor(private readonly outbox: TransactionalOutbox, private readonly dataSource: DataSource, private readonly dispatcher: NoticeDispatcher) {}

  raise(principal: Principal, request: RaiseEarlyWarningRequest, cause: EventCause): Promise<EarlyWarningView> {
    return this.outbox.run(async (manager) => {
      const offer = await offerRow(manager, request.offerId);
      if (!offer) throw new RuleViolation('offerId', 'known-offer', 'no offer with this id', 404);
      requireOwnOperator(principal, offer.operator, 'offerId', 'an offer manager warns about its own operator\'s offers only');
      const raised = await this.insert(manager, {
        offerId: offer.offer_id, subject: offer.name, regionCode: offer.region_code, targetGroups: offer.target_groups, category: request.category,
        severity: request.severity, description: request.description, source: 'operator',
        raisedBy: { organisation: organisationLabel(principal.organisation), user: principal.sub },
      }, cause);
      return { result: await this.view(manager, raised!.warningId), events: raised!.events };
    });
  }

  /**
   * A rule's warning, in the caller's transaction. Nothing happens while a warning of the same rule
   * and subject is still open (a unique index on `rule_key` decides, also between replicas).
   */
  async raiseByRule(manager: EntityManager, warning: Omit<NewWarning, 'source' | 'raisedBy'> & { rule: SupplyRule; ruleKey: string }, cause: EventCause, now: Date):
    Promise<{ warningId: string; events: TilbudsnetEvent[] } | null> {
    return this.insert(manager, { ...warning, source: 'rule', raisedBy: { organisation: 'tilbudsnet', user: `rule:${warning.rule}` } }, cause, now);
  }

  act(principal: Principal, warningId: string, action: EarlyWarningAction, note: string | undefined, cause: EventCause): Promise<EarlyWarningView> {
    return this.outbox.run(async (manager) => {
      const [row] = await manager.query('SELECT * FROM early_warnings WHERE id = $1 FOR UPDATE', [warningId]);
      if (!row) throw new RuleViolation('warningId', 'known-warning', 'no early warning with this id', 404);
      const secretariat = servesRegion(principal, row.region_code);
      const operator = row.offer_id ? await this.operatorOf(manager, row.offer_id) : null;
      const manages = !!operator && managesOperator(principal, operator);
      if (!(secretariat || (action === 'action-plan' && manages))) {
        throw new RuleViolation('warningId', 'warning-owner-only', action === 'action-plan'
          ? 'the region\'s secretariat or the offer\'s operator writes the action plan' : `only the region's secretariat may ${action} a warning`, 403);
      }
      const decision = actOnWarning({ warningId, regionCode: row.region_code, offerId: row.offer_id, status: row.status, version: row.version }, action);
      const { status, version } = decision.state;
      await manager.query('UPDATE early_warnings SET status = $2, version = $3, action_plan = COALESCE($4, action_plan) WHERE id = $1', [
        warningId, status, version, action === 'action-plan' ? note : null]);
      await manager.query('INSERT INTO early_warning_history (warning_id, at, status, by_organisation, by_user, note) VALUES ($1, now(), $2, $3, $4, $5)', [
        warningId, status, organisationLabel(principal.organisation), principal.sub, note ?? null]);
      if (status === 'resolved') {
        const subject = row.offer_id ? (await offerRow(manager, row.offer_id))?.name ?? row.region_code : row.description.slice(0, 80);
        await this.dispatcher.dispatch(manager, earlyWarningResolved({ subject, regionCode: row.region_code, targetGroups: row.target_groups, offerId: row.offer_id ?? undefined }, row.recipients));
      }
      return { result: await this.view(manager, warningId), events: decision.events.map((e) => createEvent('notifications', e, cause)) };
    });
  }

  async list(principal: Principal, filter: { status?: string; regionCode?: string }): Promise<EarlyWarningView[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT w.id FROM early_warnings w LEFT JOIN n_offers o ON o.offer_id = w.offer_id
       WHERE ($1::text IS NULL OR w.status = $1) AND ($2::text IS NULL OR w.region_code = $2) AND (${this.visibleTo(principal, 3)})
       ORDER BY w.raised_at DESC LIMIT 200`,
      [filter.status ?? null, filter.regionCode ?? null, this.organisationParam(principal)]);
    return Promise.all(rows.map((r) => this.view(this.dataSource.manager, r.id)));
  }

  async get(principal: Principal, warningId: string): Promise<EarlyWarningView> {
    const [row] = await this.dataSource.query(
      `SELECT w.id FROM early_warnings w LEFT JOIN n_offers o ON o.offer_id = w.offer_id WHERE w.id = $1 AND (${this.visibleTo(principal, 2)})`,
      [warningId, this.organisationParam(principal)]);
    if (!row) throw new RuleViolation('warningId', 'known-warning', 'no early warning with this id that your organisation may see', 404);
    return this.view(this.dataSource.manager, warningId);
  }

  /** Secretariat: its region; operator: its offers; municipality: the warnings sent to it. */
  private visibleTo(principal: Principal, param: number): string {
    switch (principal.organisation.kind) {
      case 'region': return `w.region_code = $${param}`;
      case 'operator': return `o.operator = $${param}`;
      case 'municipality': return `$${param} = ANY(w.recipients)`;
      default: return 'false';
    }
  }

  private organisationParam(principal: Principal): string {
    const o = principal.organisation;
    return o.kind === 'region' ? o.code : o.kind === 'operator' ? `${o.operatorKind}:${o.id}` : o.kind === 'municipality' ? municipalityKey(o.code) : '';
  }

  private async operatorOf(manager: EntityManager, offerId: string): Promise<{ kind: string; id: string } | null> {
    const offer = await offerRow(manager, offerId);
    if (!offer) return null;
    const [kind, id] = offer.operator.split(':');
    return { kind, id };
  }

  private async insert(manager: EntityManager, w: NewWarning, cause: EventCause, now = new Date()): Promise<{ warningId: string; events: TilbudsnetEvent[] } | null> {
    const buyers = w.offerId ? await municipalitiesWithCitizens(manager, w.offerId) : [];
    const recentBuyers = await recentBuyersOf(manager, w.targetGroups, now);
    const recipients = [regionKey(w.regionCode), ...new Set([...buyers, ...recentBuyers])].map((k) => (k.includes(':') ? k : municipalityKey(k)));
    const warningId = randomUUID();
    const inserted: unknown[] = await manager.query(
      `INSERT INTO early_warnings (id, offer_id, region_code, target_groups, category, severity, description, source, rule, rule_key, status, recipients, raised_by, raised_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'raised', $11, $12, $13, 1)
       ON CONFLICT (rule_key) WHERE status <> 'resolved' AND rule_key IS NOT NULL DO NOTHING RETURNING id`,
      [warningId, w.offerId, w.regionCode, w.targetGroups, w.category, w.severity, w.description, w.source, w.rule ?? null, w.ruleKey ?? null, recipients,
        `${w.raisedBy.organisation}/${w.raisedBy.user}`, now]);
    if (!inserted.length) return null;
    await manager.query("INSERT INTO early_warning_history (warning_id, at, status, by_organisation, by_user, note) VALUES ($1, $2, 'raised', $3, $4, NULL)", [
      warningId, now, w.raisedBy.organisation, w.raisedBy.user]);
    await this.dispatcher.dispatch(manager, earlyWarningRaised({ ...w, offerId: w.offerId ?? undefined }, recipients));
    const raised = applyEvents({ warningId, regionCode: w.regionCode, offerId: w.offerId ?? null, status: 'raised', version: 0 } as WarningState, [{
      type: 'EarlyWarningRaised', aggregateId: warningId,
      payload: {
        warningId, regionCode: w.regionCode, targetGroups: w.targetGroups, category: w.category, severity: w.severity, source: w.source,
        ...(w.offerId ? { offerId: w.offerId } : {}), ...(w.rule ? { rule: w.rule } : {}),
      },
    }], evolveWarning);
    const event = createEvent('notifications', raised.events[0], cause, now);
    return { warningId, events: [event] };
  }

  async view(manager: EntityManager, warningId: string): Promise<EarlyWarningView> {
    const [w] = await manager.query(
      'SELECT w.*, o.name AS offer_name FROM early_warnings w LEFT JOIN n_offers o ON o.offer_id = w.offer_id WHERE w.id = $1', [warningId]);
    const history = await manager.query('SELECT at, status, by_organisation, note FROM early_warning_history WHERE warning_id = $1 ORDER BY at, status', [warningId]);
    return {
      id: w.id, offerId: w.offer_id, offerName: w.offer_name, regionCode: w.region_code, targetGroups: w.target_groups, category: w.category,
      severity: w.severity, description: w.description, source: w.source, rule: w.rule, status: w.status, actionPlan: w.action_plan,
      raisedAt: new Date(w.raised_at).toISOString(),
      history: history.map((h: { at: Date; status: EarlyWarningStatus; by_organisation: string; note: string | null }) => ({
        at: new Date(h.at).toISOString(), status: h.status, byOrganisation: h.by_organisation, note: h.note })),
    };
  }
}
