import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { Purpose, PURPOSE_HEADER } from '../audit/purpose.decorator';
import { CasesService, type CaseSummary, type CaseWithCitizen } from './cases.service';
import { FindCaseByCprRequest, OpenCaseRequest } from './open-case/open-case.request';

@ApiTags('cases')
@ApiBearerAuth()
@ApiHeader({ name: PURPOSE_HEADER, required: true, description: 'why citizen data is accessed (audit log)' })
@Controller('cases')
export class CasesController {
  constructor(private readonly cases: CasesService) {}

  @Post()
  @HttpCode(201)
  @Roles('visitation-officer')
  open(@Body() body: OpenCaseRequest, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string): Promise<CaseSummary> {
    return this.cases.open(body, principal, purpose);
  }

  @Post('find-by-cpr')
  @HttpCode(200)
  @Roles('visitation-officer')
  async findByCpr(@Body() body: FindCaseByCprRequest, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string): Promise<{ items: CaseSummary[] }> {
    return { items: await this.cases.findByCpr(body.cpr, principal, purpose) };
  }

  @Get(':id')
  @Roles('visitation-officer')
  read(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string): Promise<CaseWithCitizen> {
    return this.cases.read(id, principal, purpose);
  }
}
