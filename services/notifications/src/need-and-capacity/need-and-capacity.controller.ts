import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { MUNICIPALITY_CODES, REGION_CODES } from '@tilbudsnet/contracts';
import { paramMatching } from '@tilbudsnet/platform';
import { CAPACITY_REPORT_CSS } from './domain/capacity-report';
import { CapacityReportTextRequest, DemandReportRequest } from './need-and-capacity.requests';
import { PlanningCapacity } from './planning-capacity';

const REGION = paramMatching('region', (v) => REGION_CODES.includes(v), `a region code (${REGION_CODES.join(', ')})`, 'isIn');
const MUNICIPALITY = paramMatching('code', (v) => MUNICIPALITY_CODES.includes(v), 'one of the 98 municipality codes', 'isIn');
const YEAR = paramMatching('year', (v) => /^20\d{2}$/.test(v), 'a year 2000-2099');

/** Kapacitets- og behovsopgørelse over HTTP. */
@ApiTags('need and capacity')
@ApiBearerAuth()
@Controller('need')
export class NeedAndCapacityController {
  constructor(private readonly planning: PlanningCapacity) {}

  @ApiOperation({ summary: "Report a municipality's expected demand for a year (behovsopgørelse)", description: 'Per target group and paragraph: more, the same or fewer places, with the number expected. Replaces what the municipality reported for the year before.' })
  @Put('municipalities/:code/demand/:year')
  @Roles('visitation-officer')
  report(@Param('code', MUNICIPALITY) code: string, @Param('year', YEAR) year: string, @Body() body: DemandReportRequest, @CurrentPrincipal() principal: Principal) {
    return this.planning.reportDemand(code, Number(year), body.items, principal);
  }

  @ApiOperation({ summary: "Read a municipality's reported demand", description: "For the municipality's officers and its region's KKR secretariat." })
  @Get('municipalities/:code/demand/:year')
  @Roles('visitation-officer', 'kkr-secretariat')
  demand(@Param('code', MUNICIPALITY) code: string, @Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal) {
    return this.planning.demandOf(code, Number(year), principal);
  }

  @ApiOperation({ summary: 'Read supply, reported and forecast need per target group', description: "The region's KKR secretariat: places after announced closures, the municipalities' reported demand, the forecast (exponential smoothing of starts × mean stay + waiting list) and the gap." })
  @Get('regions/:region/:year')
  @Roles('kkr-secretariat')
  need(@Param('region', REGION) region: string, @Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal) {
    return this.planning.need(region, Number(year), principal);
  }

  @ApiOperation({ summary: "Read the region's capacity-and-need report as a printable document", description: 'Danish HTML: the published document once published (draft=true for the draft as it stands).' })
  @ApiQuery({ name: 'draft', required: false, enum: ['true', 'false'] })
  @Get('regions/:region/:year/report')
  @Roles('kkr-secretariat')
  @Header('content-type', 'text/html; charset=utf-8')
  html(@Param('region', REGION) region: string, @Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal, @Query('draft') draft?: string): Promise<string> {
    return this.planning.reportHtml(region, Number(year), principal, draft === 'true');
  }

  @ApiOperation({ summary: "Read the report's stylesheet", description: 'Linked from the report (report.css beside it), so it applies under a Content-Security-Policy that allows styles from the same origin only.' })
  @Get('regions/:region/:year/report.css')
  @Roles('kkr-secretariat')
  @Header('content-type', 'text/css; charset=utf-8')
  css(@Param('region', REGION) _region: string, @Param('year', YEAR) _year: string): string {
    return CAPACITY_REPORT_CSS;
  }

  @ApiOperation({ summary: "Write the report's introduction and conclusions", description: 'Saved as a draft; a published report stays published until published again.' })
  @Put('regions/:region/:year/report')
  @Roles('kkr-secretariat')
  text(@Param('region', REGION) region: string, @Param('year', YEAR) year: string, @Body() body: CapacityReportTextRequest, @CurrentPrincipal() principal: Principal) {
    return this.planning.saveText(region, Number(year), body, principal);
  }

  @ApiOperation({ summary: 'Publish the report', description: 'Keeps the document as it is now: later figures do not change what was published.' })
  @Post('regions/:region/:year/report/publish')
  @HttpCode(200)
  @Roles('kkr-secretariat')
  publish(@Param('region', REGION) region: string, @Param('year', YEAR) year: string, @CurrentPrincipal() principal: Principal) {
    return this.planning.publish(region, Number(year), principal);
  }
}
