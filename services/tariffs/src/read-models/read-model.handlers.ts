import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@tilbudsnet/contracts';
import { EventContext } from '@tilbudsnet/messaging';

/**
 * What tariffs keeps of other services, from their events: each offer's operator, region and
 * framework flag (`offers.offer`), each placement's days and packages, target group and paragraph
 * (`visitation.placement`), and the units
 * delivered for bookings of single services (`offers.reservation`), to bill.
 */
@Controller()
export class ReadModelHandlers {
  @EventPattern('OfferRegistered')
  onRegistered(@Payload() event: EventOf<'OfferRegistered'>, @Ctx() ctx: EventContext): Promise<unknown> {
    return this.upsertOffer(event, ctx);
  }

  @EventPattern('OfferUpdated')
  onUpdated(@Payload() event: EventOf<'OfferUpdated'>, @Ctx() ctx: EventContext): Promise<unknown> {
    return this.upsertOffer(event, ctx);
  }

  /** The target group and paragraph a placement was asked for: the steering data's keys. */
  @EventPattern('PlacementRequested')
  async onRequested(@Payload() event: EventOf<'PlacementRequested'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `INSERT INTO placement_needs (placement_id, target_group, paragraph) VALUES ($1, $2, $3) ON CONFLICT (placement_id) DO NOTHING`,
      [p.placementId, p.targetGroup, p.paragraph],
    );
  }

  /** Delivered units wait here for the month close, which bills each once (`statement_id`). */
  @EventPattern('UnitsDelivered')
  async onUnitsDelivered(@Payload() event: EventOf<'UnitsDelivered'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `INSERT INTO unit_deliveries (delivery_id, booking_id, offer_id, paying_municipality, acting_municipality, delivered_on, units)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (delivery_id) DO NOTHING`,
      [p.deliveryId, p.bookingId, p.offerId, p.payingMunicipality, p.actingMunicipality, p.deliveredOn, p.units],
    );
  }

  @EventPattern('PlacementStarted')
  async onStarted(@Payload() event: EventOf<'PlacementStarted'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(
      `INSERT INTO tariff_placements (placement_id, offer_id, paying_municipality, acting_municipality, start_date, packages)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (placement_id) DO NOTHING`,
      [p.placementId, p.offerId, p.payingMunicipality, p.actingMunicipality, p.startDate, JSON.stringify([{ effectiveDate: p.startDate, packageCode: p.packageCode }])],
    );
  }

  @EventPattern('PlacementPackageChanged')
  async onPackageChanged(@Payload() event: EventOf<'PlacementPackageChanged'>, @Ctx() ctx: EventContext): Promise<void> {
    const p = event.payload;
    await ctx.manager.query(`UPDATE tariff_placements SET packages = packages || $2::jsonb WHERE placement_id = $1`, [
      p.placementId, JSON.stringify([{ effectiveDate: p.effectiveDate, packageCode: p.packageCode }]),
    ]);
  }

  @EventPattern('PlacementEnded')
  async onEnded(@Payload() event: EventOf<'PlacementEnded'>, @Ctx() ctx: EventContext): Promise<void> {
    await ctx.manager.query(`UPDATE tariff_placements SET end_date = $2 WHERE placement_id = $1`, [event.payload.placementId, event.payload.endDate]);
  }

  private upsertOffer(event: EventOf<'OfferRegistered'> | EventOf<'OfferUpdated'>, ctx: EventContext): Promise<unknown> {
    const o = event.payload.offer;
    return ctx.manager.query(
      `INSERT INTO tariff_offers (offer_id, operator, operator_name, region_code, framework_agreement, version, units)
       VALUES ($1, $2, $6, $3, $4, $5, $7)
       ON CONFLICT (offer_id) DO UPDATE SET operator = $2, operator_name = $6, region_code = $3, framework_agreement = $4, version = $5, units = $7
       WHERE tariff_offers.version < $5`,
      [o.offerId, `${o.operator.kind}:${o.operator.id}`, o.regionCode, o.frameworkAgreement, event.aggregateVersion, o.operator.name, o.units ? JSON.stringify(o.units) : null],
    );
  }
}
