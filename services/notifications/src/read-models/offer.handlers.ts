import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf, OfferSnapshot } from '@tilbudsnet/contracts';
import { EventContext } from '@tilbudsnet/messaging';
import { capacityNews } from '../domain/capacity-news';
import { adjustmentAnnounced, capacityChanged, closureAnnounced, vacancyOpened } from '../domain/notice-texts';
import { NoticeDispatcher } from '../notices/notice-dispatcher';
import { SupplyRulesService } from '../supply/supply-rules.service';
import { municipalitiesWithCitizens, offerFacts, offerRow, refreshRegionVacancy } from './read-model-queries';

/**
 * Offers as notifications keeps them (`offers.offer`), and the notices their changes cause:
 * vacancy opened, approved places changed, closure or reduction announced.
 */
@Controller()
export class OfferHandlers {
  constructor(private readonly dispatcher: NoticeDispatcher, private readonly rules: SupplyRulesService) {}

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
    const { offerId, capacity, paragraphs, reason } = event.payload;
    const before = await offerRow(ctx.manager, offerId);
    if (!before || before.version >= event.aggregateVersion) return;
    const at = new Date(event.occurredAt);
    await ctx.manager.query(
      'UPDATE n_offers SET approved = $2, occupied = $3, reserved = $4, vacant = $5, paragraphs = $6, version = $7 WHERE offer_id = $1',
      [offerId, capacity.approvedPlaces, capacity.occupiedPlaces, capacity.reservedPlaces, capacity.vacantPlaces, JSON.stringify(paragraphs), event.aggregateVersion]);
    await ctx.manager.query('INSERT INTO n_capacity_history (offer_id, at, approved, occupied, vacant) VALUES ($1, $2, $3, $4, $5)', [
      offerId, at, capacity.approvedPlaces, capacity.occupiedPlaces, capacity.vacantPlaces]);
    await refreshRegionVacancy(ctx.manager, before.region_code, before.target_groups, at);
    if (ctx.rebuilding) return;
    const offer = offerFacts({ ...before, paragraphs });
    const news = capacityNews({ vacantPlaces: before.vacant, status: before.status }, capacity, reason);
    if (news.vacancyOpened) await this.dispatcher.dispatch(ctx.manager, vacancyOpened(offer, capacity.vacantPlaces), event.eventId);
    if (news.approvedPlacesChanged) {
      const buyers = await municipalitiesWithCitizens(ctx.manager, offerId);
      if (buyers.length) await this.dispatcher.dispatch(ctx.manager, capacityChanged(offer, capacity.approvedPlaces, capacity.vacantPlaces, buyers), event.eventId);
    }
  }

  @EventPattern('OfferClosureAnnounced')
  async onClosureAnnounced(@Payload() event: EventOf<'OfferClosureAnnounced'>, @Ctx() ctx: EventContext): Promise<void> {
    const row = await offerRow(ctx.manager, event.payload.offerId);
    if (!row) return;
    await ctx.manager.query('UPDATE n_offers SET closure_date = $2 WHERE offer_id = $1', [row.offer_id, event.payload.effectiveDate]);
    const buyers = await municipalitiesWithCitizens(ctx.manager, row.offer_id);
    if (!ctx.rebuilding) await this.dispatcher.dispatch(ctx.manager, closureAnnounced(offerFacts(row), event.payload.effectiveDate, event.payload.placementsAffected, buyers), event.eventId);
    if (!ctx.rebuilding) await this.rules.evaluateClosures(ctx.manager, row.region_code, row.target_groups, new Date(event.occurredAt), ctx.cause);
  }

  @EventPattern('OfferAdjustmentAnnounced')
  async onAdjustmentAnnounced(@Payload() event: EventOf<'OfferAdjustmentAnnounced'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    const row = await offerRow(ctx.manager, p.offerId);
    if (!row) return;
    await ctx.manager.query('UPDATE n_offers SET adjustment = $2 WHERE offer_id = $1', [
      row.offer_id, JSON.stringify({ paragraph: p.paragraph, approvedPlaces: p.approvedPlaces, effectiveDate: p.effectiveDate })]);
    const buyers = await municipalitiesWithCitizens(ctx.manager, row.offer_id);
    if (!ctx.rebuilding) await this.dispatcher.dispatch(ctx.manager, adjustmentAnnounced(offerFacts(row), p, buyers), event.eventId);
    if (!ctx.rebuilding) await this.rules.evaluateClosures(ctx.manager, row.region_code, row.target_groups, new Date(event.occurredAt), ctx.cause);
  }

  @EventPattern('OfferClosed')
  async onClosed(@Payload() event: EventOf<'OfferClosed'>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.query("UPDATE n_offers SET status = 'closed' WHERE offer_id = $1", [event.payload.offerId]);
  }

  private async upsert(o: OfferSnapshot, version: number, ctx: EventContext, at: Date): Promise<void> {
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
  }
}
