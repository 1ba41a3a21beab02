import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@tilbudsnet/auth';
import { periodOf } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { snapshotOf } from '../domain/offer';
import { OfferRecord } from '../offer.entity';
import { UNITS_TAKEN_SQL } from '../bookings/unit-bookings';
import { toHsds, type HsdsExport, type UnitsFreeNow } from './hsds-export';

/** The whole catalogue in HSDS form (organization, service, location, service_at_location, service_capacity). */
@ApiTags('export')
@ApiBearerAuth()
@Controller('export')
export class HsdsExportController {
  constructor(private readonly dataSource: DataSource) {}

  @ApiOperation({ summary: "Export the catalogue as HSDS", description: "The whole catalogue in Human Services Data Specification form: organization, service, location, service_at_location, service_capacity." })
  @Get('hsds')
  @Roles(...ROLES)
  async exportHsds(): Promise<HsdsExport> {
    const offers = await this.dataSource.getRepository(OfferRecord).find({ order: { name: 'ASC' } });
    const now = new Date();
    return toHsds(offers.map(snapshotOf), now, await this.unitsFreeNow(offers, now));
  }

  /** Each single service's free units in its current week or month (one query for all of them). */
  private async unitsFreeNow(offers: OfferRecord[], now: Date): Promise<UnitsFreeNow> {
    const sellers = offers.filter((o) => o.units);
    const periods = sellers.map((o) => periodOf(now.toISOString().slice(0, 10), o.units!.per));
    const taken: { offer_id: string; taken: number }[] = sellers.length ? await this.dataSource.query(
      `SELECT b.offer_id, sum(${UNITS_TAKEN_SQL})::int AS taken
       FROM unit_bookings b JOIN unnest($1::uuid[], $2::text[]) AS p(offer_id, period) ON p.offer_id = b.offer_id AND p.period = b.period
       GROUP BY b.offer_id`, [sellers.map((o) => o.id), periods]) : [];
    const byOffer = new Map(taken.map((t) => [t.offer_id, t.taken]));
    return new Map(sellers.map((o, i) => [o.id, { period: periods[i], free: Math.max(0, o.units!.unitsPerPeriod - (byOffer.get(o.id) ?? 0)) }]));
  }
}
