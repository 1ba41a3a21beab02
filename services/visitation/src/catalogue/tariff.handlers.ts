import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type { EventOf } from '@tilbudsnet/contracts';
import { EventContext } from '@tilbudsnet/messaging';

/** Published tariffs join the catalogue, so search can filter and rank by price. */
@Controller()
export class TariffHandlers {
  @EventPattern('TariffPublished')
  async onPublished(@Payload() event: EventOf<'TariffPublished'>, @Ctx() ctx: EventContext): Promise<void> {
    const { offerId, year, rates, unitPrice } = event.payload;
    await ctx.manager.query(
      `INSERT INTO catalogue_tariffs (offer_id, year, rates, unit_price) VALUES ($1, $2, $3, $4) ON CONFLICT (offer_id, year) DO UPDATE SET rates = $3, unit_price = $4`,
      [offerId, year, JSON.stringify(rates), unitPrice ?? null],
    );
  }
}
