import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ROLES, Roles } from '@tilbudsnet/auth';
import { DataSource } from 'typeorm';
import { snapshotOf } from '../domain/offer';
import { OfferRecord } from '../offer.entity';
import { toHsds, type HsdsExport } from './hsds-export';

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
    return toHsds(offers.map(snapshotOf), new Date());
  }
}
