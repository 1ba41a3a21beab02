import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { DataSource, In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { PlacementRecord } from '../placements/placement.entity';
import { WaitlistEntryRecord } from './waitlist-entry.entity';

function municipalityOf(principal: Principal): string {
  return principal.organisation.kind === 'municipality' ? principal.organisation.code : '----';
}

/** What an officer's municipality waits for and has to do. No citizen identity in any of it. */
@ApiTags('worklist')
@ApiBearerAuth()
@Controller()
export class WorklistController {
  constructor(private readonly dataSource: DataSource) {}

  /** Venteliste: the municipality's waiting entries, with the offer a match was found in. */
  @ApiOperation({ summary: "List the municipality's waiting list (venteliste)", description: "Waiting entries per kind of place, with the offer a match was found in. No citizen identity." })
  @Get('waitlist')
  @Roles('visitation-officer')
  async waitlist(@CurrentPrincipal() principal: Principal): Promise<{ items: WaitlistEntryRecord[] }> {
    const items = await this.dataSource.getRepository(WaitlistEntryRecord).find({
      where: { actingMunicipality: municipalityOf(principal), status: In(['waiting', 'matched']) }, order: { addedAt: 'ASC' },
    });
    return { items };
  }

  /** Reviews due in the next 30 days, placements under notice, and re-placements after closures. */
  @ApiOperation({ summary: "List what the officer has to do (arbejdsliste)", description: "Reviews due in the next 30 days, placements under notice, and re-placements after closures." })
  @Get('worklist')
  @Roles('visitation-officer')
  async worklist(@CurrentPrincipal() principal: Principal): Promise<{ reviewsDue: PlacementRecord[]; notices: PlacementRecord[]; replacements: PlacementRecord[] }> {
    const repo = this.dataSource.getRepository(PlacementRecord);
    const acting = municipalityOf(principal);
    const horizon = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
    const [reviewsDue, notices, replacements] = await Promise.all([
      repo.find({ where: { actingMunicipality: acting, status: 'started', reviewDate: LessThanOrEqual(horizon) }, order: { reviewDate: 'ASC' } }),
      repo.find({ where: { actingMunicipality: acting, status: 'notice-given' }, order: { endDate: 'ASC' } }),
      repo.find({ where: { actingMunicipality: acting, status: In(['started', 'notice-given']), needsReplacementFrom: Not(IsNull()) }, order: { needsReplacementFrom: 'ASC' } }),
    ]);
    return { reviewsDue, notices, replacements };
  }
}
