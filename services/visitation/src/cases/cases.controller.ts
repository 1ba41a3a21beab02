import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { Purpose, PURPOSE_HEADER } from '../audit/purpose.decorator';
import type { EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { KeepingCases, type CaseSummary, type CaseWithCitizen, type CaseWithPlacement } from './keeping-cases';
import { FindCaseByCprRequest, OpenCaseRequest } from './open-case/open-case.request';

@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: PURPOSE_HEADER, required: true, description: 'why citizen data is accessed (audit log)' })
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: KeepingCases) {}

  @ApiOperation({
    summary: "Open a case for a citizen (sag)",
    description: "The acting municipality opens a case with the citizen's CPR number, name and needs, and may request a place at once (`placement`): then both are stored, or neither. Citizen data is sealed at rest; the access is audited and needs X-Purpose.",
  })
  @Post()
  @HttpCode(201)
  @Roles('visitation-officer')
  open(@Body() body: OpenCaseRequest, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause): Promise<CaseWithPlacement> {
    return this.cases.open(body, principal, purpose, cause);
  }

  @ApiOperation({ summary: "Find the municipality's case by CPR number", description: "Looks a case up by CPR number without the number ever being stored in clear or logged. Needs X-Purpose; audited." })
  @Post('find-by-cpr')
  @HttpCode(200)
  @Roles('visitation-officer')
  async findByCpr(@Body() body: FindCaseByCprRequest, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string): Promise<{ items: CaseSummary[] }> {
    return { items: await this.cases.findByCpr(body.cpr, principal, purpose) };
  }

  @ApiOperation({ summary: "Read a case with its citizen data", description: "The acting municipality's officers read the case; every read is audited with its stated purpose (X-Purpose)." })
  @Get(':id')
  @Roles('visitation-officer')
  read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string): Promise<CaseWithCitizen> {
    return this.cases.read(id, principal, purpose);
  }
}
