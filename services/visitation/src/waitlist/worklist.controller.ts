import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import type { PlacementRecord } from '../placements/placement.entity';
import type { WaitlistEntryRecord } from './waitlist-entry.entity';
import { Worklist } from './worklist';

function municipalityOf(principal: Principal): string {
  return principal.organisation.kind === 'municipality' ? principal.organisation.code : '----';
}

/** What an officer's municipality waits for and has to do. No citizen identity in any of it. */
@ApiTags('worklist')
@ApiBearerAuth()
@Controller()
export class WorklistController {
  constructor(private readonly worklists: Worklist) {}

  /** Venteliste: the municipality's waiting entries, with the offer a match was found in. */
  @ApiOperation({ summary: "List the municipality's waiting list (venteliste)", description: "Waiting entries per kind of place, with the offer a match was found in. No citizen identity." })
  @Get('waitlist')
  @Roles('visitation-officer')
  async waitlist(@CurrentPrincipal() principal: Principal): Promise<{ items: WaitlistEntryRecord[] }> {
    return { items: await this.worklists.waitlist(municipalityOf(principal)) };
  }

  /** Reviews due in the next 30 days, placements under notice, and re-placements after closures. */
  @ApiOperation({ summary: "List what the officer has to do (arbejdsliste)", description: "Reviews due in the next 30 days, placements under notice, and re-placements after closures." })
  @Get('worklist')
  @Roles('visitation-officer')
  worklist(@CurrentPrincipal() principal: Principal): Promise<{ reviewsDue: PlacementRecord[]; notices: PlacementRecord[]; replacements: PlacementRecord[] }> {
    return this.worklists.worklist(municipalityOf(principal));
  }
}
