import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf, OfferSnapshot } from '@tilbudsnet/contracts';
import { EventContext } from '@tilbudsnet/messaging';
import { overCapacityBy } from '../notices/domain/capacity-news';
import { needsCitizensFrom, noticesOfOfferEvent, type OfferNewsEvent } from '../notices/domain/offer-notices';
import { NoticeDispatcher } from '../notices/notice-dispatcher';
import { RunningSupplyRules } from '../supply/running-supply-rules';
import { applyCapacityChange, municipalitiesWithCitizens, offerFacts, offerRow, refreshRegionVacancy } from './read-model-queries';

/**
 * Offers as notifications keeps them (`offers.offer`), and the notices their changes cause:
 * vacancy opened, approved places changed, closure or reduction announced.
 */
@Controller()
export class OfferHandlers {
  constructor(private readonly dispatcher: NoticeDispatcher, private readonly rules: RunningSupplyRules) {}

  @EventPattern('OfferRegistered')
  async onRegistered(@Payload() event: EventOf<'OfferRegistered'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.upsert(event.payload.offer, event.aggregateVersion, ctx, new Date(event.occurredAt));
  }

  @EventPattern('OfferUpdated')
  async onUpdated(@Payload() event: EventOf<'OfferUpdated'>, @Ctx() ctx: EventContext): Promise<void> {
    await this.upsert(event.payload.offer, event.aggregateVersion, ctx, new Date(event.occurredAt));
  }

  @EventPattern('CapacityChanged')
  async onCapacityChanged(@Payload() event: EventOf<'CapacityChanged'>, @Ctx() ctx: EventContext): Promise<void> {
    const { offerId, capacity, paragraphs } = event.payload;
    const at = new Date(event.occurredAt);
    const before = await applyCapacityChange(ctx.manager, offerId, capacity, paragraphs, event.aggregateVersion, at);
    if (!before) return;
    await refreshRegionVacancy(ctx.manager, before.region_code, before.target_groups, at);
    if (ctx.rebuilding) return;
    await this.tell(ctx, event, {
      ...offerFacts({ ...before, paragraphs }), vacantPlaces: before.vacant, status: before.status, operator: before.operator,
      overCapacityBy: overCapacityBy({ approvedPlaces: before.approved, occupiedPlaces: before.occupied, reservedPlaces: before.reserved }),
    });
    await this.rules.evaluateProtectedCompetition(ctx.manager, {
      offerId, regionCode: before.region_code, targetGroups: before.target_groups, before: placesByParagraph(before.paragraphs), after: placesByParagraph(paragraphs),
    }, before.name, at, ctx.cause);
  }

  /** Sends the notices the event causes (domain/offer-notices.ts decides which, and to whom). */
  private async tell(ctx: EventContext, event: OfferNewsEvent, before: Parameters<typeof noticesOfOfferEvent>[1]): Promise<void> {
    const citizensFrom = needsCitizensFrom(event, before) ? await municipalitiesWithCitizens(ctx.manager, before.offerId) : [];
    for (const notice of noticesOfOfferEvent(event, before, citizensFrom)) await this.dispatcher.dispatch(ctx.manager, notice, event.eventId);
  }

  @EventPattern('OfferClosureAnnounced')
  async onClosureAnnounced(@Payload() event: EventOf<'OfferClosureAnnounced'>, @Ctx() ctx: EventContext): Promise<void> {
    const row = await offerRow(ctx.manager, event.payload.offerId);
    if (!row) return;
    await ctx.manager.query('UPDATE n_offers SET closure_date = $2 WHERE offer_id = $1', [row.offer_id, event.payload.effectiveDate]);
    if (ctx.rebuilding) return;
    await this.tell(ctx, event, { ...offerFacts(row), vacantPlaces: row.vacant, status: row.status });
    await this.rules.evaluateClosures(ctx.manager, row.region_code, row.target_groups, new Date(event.occurredAt), ctx.cause);
  }

  @EventPattern('OfferAdjustmentAnnounced')
  async onAdjustmentAnnounced(@Payload() event: EventOf<'OfferAdjustmentAnnounced'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    const row = await offerRow(ctx.manager, p.offerId);
    if (!row) return;
    await ctx.manager.query('UPDATE n_offers SET adjustment = $2 WHERE offer_id = $1', [
      row.offer_id, JSON.stringify({ paragraph: p.paragraph, approvedPlaces: p.approvedPlaces, effectiveDate: p.effectiveDate })]);
    if (ctx.rebuilding) return;
    await this.tell(ctx, event, { ...offerFacts(row), vacantPlaces: row.vacant, status: row.status });
    await this.rules.evaluateClosures(ctx.manager, row.region_code, row.target_groups, new Date(event.occurredAt), ctx.cause);
  }

  @EventPattern('OfferClosed')
  async onClosed(@Payload() event: EventOf<'OfferClosed'>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.query("UPDATE n_offers SET status = 'closed' WHERE offer_id = $1", [event.payload.offerId]);
  }

  private async upsert(o: OfferSnapshot, version: number, ctx: EventContext, at: Date): Promise<void> {
    const before = await offerRow(ctx.manager, o.offerId);
    const inserted: unknown[] = await ctx.manager.query(
      `INSERT INTO n_offers (offer_id, name, operator, municipality_code, region_code, target_groups, paragraphs, status, budgeted_occupancy_pct,
         approved, occupied, reserved, vacant, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
       ON CONFLICT (offer_id) DO UPDATE SET name = $2, operator = $3, municipality_code = $4, region_code = $5, target_groups = $6, paragraphs = $7,
         status = $8, budgeted_occupancy_pct = $9, approved = $10, occupied = $11, reserved = $12, vacant = $13, version = $14,
         closure_date = CASE WHEN $8 IN ('closure-announced', 'closed') THEN n_offers.closure_date END,
         adjustment = CASE WHEN $8 = 'adjusting' THEN n_offers.adjustment END
       WHERE n_offers.version < $14
       RETURNING offer_id`,
      [o.offerId, o.name, `${o.operator.kind}:${o.operator.id}`, o.municipalityCode, o.regionCode, o.targetGroups, JSON.stringify(o.paragraphs), o.status,
        o.budgetedOccupancyPct, o.capacity.approvedPlaces, o.capacity.occupiedPlaces, o.capacity.reservedPlaces, o.capacity.vacantPlaces, version]);
    if (!inserted.length) return;
    if (version === 1) {
      await ctx.manager.query('INSERT INTO n_capacity_history (offer_id, at, approved, occupied, vacant) VALUES ($1, $2, $3, $4, $5)', [
        o.offerId, at, o.capacity.approvedPlaces, o.capacity.occupiedPlaces, o.capacity.vacantPlaces]);
    }
    await refreshRegionVacancy(ctx.manager, o.regionCode, o.targetGroups, at);
    if (ctx.rebuilding) return;
    // A new offer, or more places under a paragraph, may compete with a protected offer of the region.
    await this.rules.evaluateProtectedCompetition(ctx.manager, {
      offerId: o.offerId, regionCode: o.regionCode, targetGroups: o.targetGroups, before: before ? placesByParagraph(before.paragraphs) : {}, after: placesByParagraph(o.paragraphs),
    }, o.name, at, ctx.cause);
  }
}

function placesByParagraph(paragraphs: { paragraph: string; approvedPlaces: number }[]): Record<string, number> {
  return Object.fromEntries(paragraphs.map((p) => [p.paragraph, p.approvedPlaces]));
}
