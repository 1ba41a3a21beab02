import { Injectable } from '@nestjs/common';
import { forecastGapExceeds } from '../need-and-capacity/domain/demand-forecast';
import { needRows } from '../need-and-capacity/need-store';
import { createEvent, REGION_CODES, type EventCause, type SupplyRule, type TilbudsnetEvent } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { supplyRisk, RULE_LABELS } from '../notices/domain/notice-texts';
import { closuresExceedCapacity, completeMonthsBefore, lowOccupancy, waitlistWithoutVacancy, type RuleOutcome } from './domain/supply-rules';
import { HandlingEarlyWarnings } from '../early-warnings/handling-early-warnings';
import { NoticeDispatcher } from '../notices/notice-dispatcher';
import { thresholdsOf } from './supply-thresholds';
import { competingCapacity, sharesBelowAgreement, type OfferCapacityChange, type ProtectedOffer } from '../protected-offers/domain/protected-offer-rules';
import { offerRow, placementsByMunicipality, placesForTargetGroup } from '../read-models/read-model-queries';

export interface Firing {
  rule: SupplyRule;
  regionCode: string;
  targetGroup: string;
  offerId?: string;
  warningId: string;
  figures: Record<string, number>;
}

/**
 * Runs the supply rules over the read models and, when one fires, raises an early warning (once
 * while it is open), tells the secretariat and publishes `SupplyRiskDetected`.
 */
@Injectable()
export class RunningSupplyRules {
  constructor(
    private readonly dataSource: DataSource, private readonly warnings: HandlingEarlyWarnings, private readonly dispatcher: NoticeDispatcher,
    private readonly outbox: TransactionalOutbox,
  ) {}

  /** Every rule in every region (or the given ones), as of `asOf`. */
  async evaluateAll(asOf: Date, cause: EventCause, regions: readonly string[] = REGION_CODES): Promise<Firing[]> {
    const fired = await this.dataSource.transaction(async (manager) => {
      const all: Firing[] = [];
      for (const region of regions) {
        all.push(...await this.evaluateLowOccupancy(manager, region, asOf, cause));
        all.push(...await this.evaluateWaitlists(manager, region, asOf, cause));
        const groups: { g: string }[] = await manager.query('SELECT DISTINCT unnest(target_groups) AS g FROM n_offers WHERE region_code = $1', [region]);
        all.push(...await this.evaluateClosures(manager, region, groups.map((r) => r.g), asOf, cause));
        all.push(...await this.evaluateProtectedShares(manager, { regionCode: region }, asOf, cause));
        all.push(...await this.evaluateForecastGaps(manager, region, asOf, cause));
      }
      return all;
    });
    return fired;
  }

  async evaluateLowOccupancy(manager: EntityManager, regionCode: string, asOf: Date, cause: EventCause): Promise<Firing[]> {
    const { lowOccupancyMonths } = await thresholdsOf(manager, regionCode);
    const months = completeMonthsBefore(asOf, lowOccupancyMonths);
    const monthEnds: { offer_id: string; month: string; occupied: number; approved: number }[] = await manager.query(
      `SELECT DISTINCT ON (h.offer_id, m.month) h.offer_id, m.month, h.occupied, h.approved
       FROM unnest($2::text[]) AS m(month)
       JOIN n_capacity_history h ON h.at < (to_date(m.month, 'YYYY-MM') + interval '1 month')
       JOIN n_offers o ON o.offer_id = h.offer_id AND o.region_code = $1 AND o.status <> 'closed'
       ORDER BY h.offer_id, m.month, h.at DESC`,
      [regionCode, months]);
    const offers: { offer_id: string; name: string; target_groups: string[]; budgeted_occupancy_pct: string }[] = await manager.query(
      "SELECT offer_id, name, target_groups, budgeted_occupancy_pct FROM n_offers WHERE region_code = $1 AND status <> 'closed'", [regionCode]);
    const firings: Firing[] = [];
    for (const offer of offers) {
      const outcome = lowOccupancy(monthEnds.filter((m) => m.offer_id === offer.offer_id), Number(offer.budgeted_occupancy_pct), months);
      const fired = await this.fire(manager, {
        rule: 'low-occupancy', ruleKey: `low-occupancy:${offer.offer_id}`, regionCode, targetGroups: offer.target_groups, offerId: offer.offer_id,
        subject: offer.name, category: 'economic', severity: 'medium',
        description: `Belægningen på ${offer.name} har ligget under den budgetterede belægningsprocent (${Number(offer.budgeted_occupancy_pct)} %) ved udgangen af ${months.join(', ')}.`,
      }, outcome, cause, asOf);
      if (fired) firings.push(fired);
    }
    return firings;
  }

  async evaluateWaitlists(manager: EntityManager, regionCode: string, asOf: Date, cause: EventCause): Promise<Firing[]> {
    const { noVacancyDays } = await thresholdsOf(manager, regionCode);
    const lists: { target_group: string; waiting: number; oldest: Date; zero_since: Date | null; has_row: boolean }[] = await manager.query(
      `SELECT w.target_group, count(*)::int AS waiting, min(w.added_at) AS oldest, v.zero_since, (v.region_code IS NOT NULL) AS has_row
       FROM n_waitlist w LEFT JOIN n_region_vacancy v ON v.region_code = w.region_code AND v.target_group = w.target_group
       WHERE w.region_code = $1 AND w.removed_at IS NULL AND w.added_at IS NOT NULL AND w.added_at <= $2
       GROUP BY w.target_group, v.zero_since, v.region_code`,
      [regionCode, asOf]);
    const firings: Firing[] = [];
    for (const list of lists) {
      // No offer in the region serves the group at all: there has never been a vacancy to wait for.
      const zeroSince = list.has_row ? list.zero_since : new Date(0);
      const outcome = waitlistWithoutVacancy({ zeroVacancySince: zeroSince, oldestWaitingSince: list.oldest, waiting: list.waiting }, asOf, noVacancyDays);
      const fired = await this.fire(manager, {
        rule: 'waitlist-without-vacancy', ruleKey: `waitlist-without-vacancy:${regionCode}:${list.target_group}`, regionCode, targetGroups: [list.target_group],
        subject: RULE_LABELS['waitlist-without-vacancy'].da, category: 'capacity', severity: 'high',
        description: `${list.waiting} sager venter, og der har ikke været en ledig plads i regionen til målgruppen i ${outcome.figures.daysWithoutVacancy} dage.`,
      }, outcome, cause, asOf);
      if (fired) firings.push(fired);
    }
    return firings;
  }

  /** Also run right after a closure or reduction is announced, for the offer's region and target groups. */
  async evaluateClosures(manager: EntityManager, regionCode: string, targetGroups: string[], asOf: Date, cause: EventCause): Promise<Firing[]> {
    const { closureMarginPlaces } = await thresholdsOf(manager, regionCode);
    const today = asOf.toISOString().slice(0, 10);
    const firings: Firing[] = [];
    for (const targetGroup of targetGroups) {
      const capacity = await placesForTargetGroup(manager, regionCode, targetGroup, today);
      const [{ occupied }] = await manager.query(
        `SELECT count(*)::int AS occupied FROM n_placements p JOIN n_offers o ON o.offer_id = p.offer_id
         WHERE o.region_code = $1 AND p.target_group = $2 AND p.status = 'started' AND o.status <> 'closed'`, [regionCode, targetGroup]);
      const [{ waiting }] = await manager.query(
        'SELECT count(*)::int AS waiting FROM n_waitlist WHERE region_code = $1 AND target_group = $2 AND removed_at IS NULL AND added_at IS NOT NULL', [regionCode, targetGroup]);
      const outcome = closuresExceedCapacity({ approved: capacity.approved, announcedReduction: capacity.reduction, occupied, waiting }, closureMarginPlaces);
      const fired = await this.fire(manager, {
        rule: 'closures-exceed-capacity', ruleKey: `closures-exceed-capacity:${regionCode}:${targetGroup}`, regionCode, targetGroups: [targetGroup],
        subject: RULE_LABELS['closures-exceed-capacity'].da, category: 'closure', severity: 'high',
        description: `Efter varslede lukninger og tilpasninger er der ${outcome.figures.capacityAfter} pladser til ${outcome.figures.demand} borgere (belagte pladser og venteliste).`,
      }, outcome, cause, asOf);
      if (fired) firings.push(fired);
    }
    return firings;
  }

  /** Kapacitets- og behovsopgørelse: a forecast need above the places left after closures, by more than the region's threshold. */
  async evaluateForecastGaps(manager: EntityManager, regionCode: string, asOf: Date, cause: EventCause): Promise<Firing[]> {
    const { forecastGapPlaces } = await thresholdsOf(manager, regionCode);
    const firings: Firing[] = [];
    for (const row of await needRows(manager, regionCode, asOf.getUTCFullYear() + 1, asOf)) {
      const outcome = forecastGapExceeds(row.forecast, forecastGapPlaces);
      const fired = await this.fire(manager, {
        rule: 'forecast-gap', ruleKey: `forecast-gap:${regionCode}:${row.targetGroup}`, regionCode, targetGroups: [row.targetGroup],
        subject: RULE_LABELS['forecast-gap'].da, category: 'capacity', severity: 'medium',
        description: `Det fremskrevne behov for ${row.targetGroupName.toLowerCase()} er ${row.forecast.placesNeeded} pladser; efter varslede lukninger er der ${row.forecast.placesAvailable}. Forskellen (${row.forecast.gap}) er over regionens grænse på ${forecastGapPlaces}.`,
      }, outcome, cause, asOf);
      if (fired) firings.push(fired);
    }
    return firings;
  }

  /** After an offer was registered or got more approved places: does it compete with a protected offer of its region? */
  async evaluateProtectedCompetition(manager: EntityManager, change: OfferCapacityChange, competitorName: string, asOf: Date, cause: EventCause): Promise<Firing[]> {
    const firings: Firing[] = [];
    for (const guarded of await protectedOffers(manager, { regionCode: change.regionCode, targetGroups: change.targetGroups })) {
      const row = await offerRow(manager, guarded.offerId);
      if (!row || row.status === 'closed') continue;
      const outcome = competingCapacity({ ...guarded, paragraphs: row.paragraphs.map((p) => p.paragraph) }, change, { approved: row.approved, occupied: row.occupied });
      const fired = await this.fire(manager, {
        rule: 'protected-offer-competition', ruleKey: `protected-offer-competition:${guarded.offerId}:${guarded.targetGroup}:${change.offerId}`,
        regionCode: guarded.regionCode, targetGroups: [guarded.targetGroup], offerId: guarded.offerId, subject: row.name, category: 'capacity', severity: 'medium',
        description: `${competitorName} har fået ${outcome.figures.addedPlaces} pladser mere til samme målgruppe og paragraf i regionen (nu ${outcome.figures.competitorApprovedAfter}). `
          + `Det beskyttede tilbud ${row.name} har ${outcome.figures.protectedOccupied} af ${outcome.figures.protectedApproved} pladser belagt.`,
      }, outcome, cause, asOf);
      if (fired) firings.push(fired);
    }
    return firings;
  }

  /** Municipalities that keep fewer placements in a protected offer than agreed (all of a region's, or one offer's). */
  async evaluateProtectedShares(manager: EntityManager, where: { regionCode?: string; offerId?: string }, asOf: Date, cause: EventCause): Promise<Firing[]> {
    const firings: Firing[] = [];
    for (const guarded of await protectedOffers(manager, where)) {
      const row = await offerRow(manager, guarded.offerId);
      if (!row || row.status === 'closed') continue;
      const placed = await placementsByMunicipality(manager, guarded.offerId, guarded.targetGroup);
      for (const { municipality, outcome } of sharesBelowAgreement(guarded, placed)) {
        const fired = await this.fire(manager, {
          rule: 'protected-offer-below-share', ruleKey: `protected-offer-below-share:${guarded.offerId}:${guarded.targetGroup}:${municipality}`,
          regionCode: guarded.regionCode, targetGroups: [guarded.targetGroup], offerId: guarded.offerId, subject: row.name, category: 'economic', severity: 'medium',
          description: `Kommune ${municipality} har ${outcome.figures.actualPlacements} anbringelser i det beskyttede tilbud ${row.name}; aftalt er ${outcome.figures.agreedPlacements}.`,
        }, outcome, cause, asOf);
        if (fired) firings.push(fired);
      }
    }
    return firings;
  }

  private async fire(
    manager: EntityManager,
    w: { rule: SupplyRule; ruleKey: string; regionCode: string; targetGroups: string[]; offerId?: string; subject: string; category: 'economic' | 'capacity' | 'closure'; severity: 'medium' | 'high'; description: string },
    outcome: RuleOutcome, cause: EventCause, asOf: Date,
  ): Promise<Firing | null> {
    if (!outcome.fires) return null;
    const raised = await this.warnings.raiseByRule(manager, { ...w, offerId: w.offerId ?? null }, cause, asOf);
    if (!raised) return null; // already warned and not yet resolved
    const riskId = randomUUID();
    await this.dispatcher.dispatch(manager, supplyRisk({ rule: w.rule, regionCode: w.regionCode, targetGroup: w.targetGroups[0], subject: w.subject }));
    const risk = createEvent('notifications', {
      type: 'SupplyRiskDetected', aggregateId: riskId, aggregateVersion: 1,
      payload: {
        riskId, rule: w.rule, regionCode: w.regionCode, targetGroup: w.targetGroups[0], warningId: raised.warningId, figures: outcome.figures,
        threshold: outcome.threshold, ...(w.offerId ? { offerId: w.offerId } : {}),
      },
    }, cause, asOf);
    const events: TilbudsnetEvent[] = [...raised.events, risk];
    await this.outbox.append(manager, events);
    return { rule: w.rule, regionCode: w.regionCode, targetGroup: w.targetGroups[0], offerId: w.offerId, warningId: raised.warningId, figures: outcome.figures };
  }
}

/** Protected offers in a region (for some target groups) or of one offer, as the rules need them. */
export async function protectedOffers(manager: EntityManager, where: { regionCode?: string; targetGroups?: string[]; offerId?: string }): Promise<ProtectedOffer[]> {
  const rows: { offer_id: string; target_group: string; region_code: string; agreed_shares: Record<string, number> }[] = await manager.query(
    `SELECT offer_id, target_group, region_code, agreed_shares FROM protected_offers
     WHERE ($1::text IS NULL OR region_code = $1) AND ($2::text[] IS NULL OR target_group = ANY($2)) AND ($3::uuid IS NULL OR offer_id = $3)`,
    [where.regionCode ?? null, where.targetGroups ?? null, where.offerId ?? null]);
  return rows.map((r) => ({ offerId: r.offer_id, targetGroup: r.target_group, regionCode: r.region_code, paragraphs: [], agreedShares: r.agreed_shares }));
}
