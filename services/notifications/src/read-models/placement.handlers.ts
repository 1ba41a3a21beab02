import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@tilbudsnet/contracts';
import { EventContext } from '@tilbudsnet/messaging';
import type { EntityManager } from 'typeorm';
import { settlementIssued, tariffPublished, waitlistMatch } from '../notices/domain/notice-texts';
import { tariffRisePct } from '../notices/domain/tariff-rise';
import { NoticeDispatcher } from '../notices/notice-dispatcher';
import { RunningSupplyRules } from '../supply/running-supply-rules';
import { PLACEMENT_STATUS_ORDER, type PlacementStatus } from './domain/placement-status';
import { offerFacts, offerRow } from './read-model-queries';

/** Moves a placement's status forward only, in the order of `PLACEMENT_STATUS_ORDER`. */
async function advance(manager: EntityManager, placementId: string, offerId: string, status: PlacementStatus, extra: { startedOn?: string; endedOn?: string } = {}): Promise<void> {
  await manager.query(
    `INSERT INTO n_placements (placement_id, offer_id, status, started_on, ended_on) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (placement_id) DO UPDATE SET
       status = CASE WHEN array_position($6::text[], $3::text) > array_position($6::text[], n_placements.status) THEN $3 ELSE n_placements.status END,
       started_on = COALESCE($4, n_placements.started_on), ended_on = COALESCE($5, n_placements.ended_on)`,
    [placementId, offerId, status, extra.startedOn ?? null, extra.endedOn ?? null, PLACEMENT_STATUS_ORDER]);
}

/** Placements, the waiting list, tariffs and statements as notifications keeps them, and their notices. */
@Controller()
export class PlacementHandlers {
  constructor(private readonly dispatcher: NoticeDispatcher, private readonly rules: RunningSupplyRules) {}

  @EventPattern('PlacementRequested')
  async onRequested(@Payload() event: EventOf<'PlacementRequested'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    await advance(ctx.manager, p.placementId, p.offerId, 'requested');
    await ctx.manager.query('UPDATE n_placements SET target_group = $2, paragraph = $3, acting_municipality = $4 WHERE placement_id = $1', [
      p.placementId, p.targetGroup, p.paragraph, p.actingMunicipality]);
  }

  @EventPattern('PlaceReserved')
  onReserved(@Payload() event: EventOf<'PlaceReserved'>, @Ctx() ctx: EventContext): Promise<void> {
    return advance(ctx.manager, event.payload.placementId, event.payload.offerId, 'reserved');
  }

  @EventPattern('ReservationRejected')
  onRejected(@Payload() event: EventOf<'ReservationRejected'>, @Ctx() ctx: EventContext): Promise<void> {
    return advance(ctx.manager, event.payload.placementId, event.payload.offerId, 'cancelled');
  }

  @EventPattern('ReservationExpired')
  onExpired(@Payload() event: EventOf<'ReservationExpired'>, @Ctx() ctx: EventContext): Promise<void> {
    return advance(ctx.manager, event.payload.placementId, event.payload.offerId, 'cancelled');
  }

  @EventPattern('PlacementCancelled')
  onCancelled(@Payload() event: EventOf<'PlacementCancelled'>, @Ctx() ctx: EventContext): Promise<void> {
    return advance(ctx.manager, event.payload.placementId, event.payload.offerId, 'cancelled');
  }

  @EventPattern('PlacementStarted')
  async onStarted(@Payload() event: EventOf<'PlacementStarted'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    await advance(ctx.manager, p.placementId, p.offerId, 'started', { startedOn: p.startDate });
    await ctx.manager.query('UPDATE n_placements SET acting_municipality = $2 WHERE placement_id = $1', [p.placementId, p.actingMunicipality]);
  }

  @EventPattern('PlacementEnded')
  async onEnded(@Payload() event: EventOf<'PlacementEnded'>, @Ctx() ctx: EventContext): Promise<void> {
    await advance(ctx.manager, event.payload.placementId, event.payload.offerId, 'ended', { endedOn: event.payload.endDate });
    // A municipality's placement leaving a protected offer may take it below its agreed share.
    if (!ctx.rebuilding) await this.rules.evaluateProtectedShares(ctx.manager, { offerId: event.payload.offerId }, new Date(event.occurredAt), ctx.cause);
  }

  @EventPattern('WaitlistEntryAdded')
  async onWaitlistAdded(@Payload() event: EventOf<'WaitlistEntryAdded'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `INSERT INTO n_waitlist (entry_id, target_group, paragraph, region_code, acting_municipality, added_at) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (entry_id) DO UPDATE SET target_group = $2, paragraph = $3, region_code = $4, acting_municipality = $5, added_at = $6`,
      [p.entryId, p.targetGroup, p.paragraph, p.regionCode, p.actingMunicipality, event.occurredAt]);
  }

  @EventPattern('WaitlistEntryRemoved')
  async onWaitlistRemoved(@Payload() event: EventOf<'WaitlistEntryRemoved'>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.query(
      'INSERT INTO n_waitlist (entry_id, removed_at) VALUES ($1, $2) ON CONFLICT (entry_id) DO UPDATE SET removed_at = $2', [event.payload.entryId, event.occurredAt]);
  }

  @EventPattern('WaitlistMatchFound')
  async onWaitlistMatch(@Payload() event: EventOf<'WaitlistMatchFound'>, @Ctx() ctx: EventContext): Promise<void> {
    const row = await offerRow(ctx.manager, event.payload.offerId);
    if (row && !ctx.rebuilding) await this.dispatcher.dispatch(ctx.manager, waitlistMatch(offerFacts(row), event.payload), event.eventId);
  }

  @EventPattern('TariffPublished')
  async onTariffPublished(@Payload() event: EventOf<'TariffPublished'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    // The rise is against the same offer's tariff for the year before, or an earlier publication for the same year.
    const [previous] = await ctx.manager.query(
      'SELECT day_tariff FROM n_tariffs WHERE offer_id = $1 AND year <= $2 ORDER BY year DESC LIMIT 1', [p.offerId, p.year]);
    await ctx.manager.query(
      'INSERT INTO n_tariffs (offer_id, year, day_tariff) VALUES ($1, $2, $3) ON CONFLICT (offer_id, year) DO UPDATE SET day_tariff = $3', [p.offerId, p.year, p.dayTariff]);
    const row = await offerRow(ctx.manager, p.offerId);
    if (!row) return;
    const increasePct = tariffRisePct(previous ? String(previous.day_tariff) : null, p.dayTariff);
    if (!ctx.rebuilding) await this.dispatcher.dispatch(ctx.manager, tariffPublished(offerFacts(row), p.year, p.dayTariff, increasePct), event.eventId);
  }

  @EventPattern('SettlementIssued')
  async onSettlementIssued(@Payload() event: EventOf<'SettlementIssued'>, @Ctx() ctx: EventContext): Promise<void> {
    if (!ctx.rebuilding) await this.dispatcher.dispatch(ctx.manager, settlementIssued(event.payload), event.eventId);
  }
}
