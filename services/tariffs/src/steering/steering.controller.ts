import { Controller, Get, Header, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, requireActingMunicipality, requireOwnRegion, Roles, type Principal } from '@tilbudsnet/auth';
import { findRegion, MUNICIPALITY_CODES, REGION_CODES } from '@tilbudsnet/contracts';
import { paramMatching } from '@tilbudsnet/platform';
import { IsOptional, Matches } from 'class-validator';
import { municipalityLabel } from '../read-statements/statement-export';
import { ReadingSteeringData, type MunicipalitySteering, type Period, type RegionSteering } from './reading-steering-data';
import { steeringCsv, steeringXlsx } from './steering-export';

const MUNICIPALITY = paramMatching('code', (v) => MUNICIPALITY_CODES.includes(v), 'one of the 98 municipality codes', 'isIn');
const REGION = paramMatching('region', (v) => REGION_CODES.includes(v), `a region code (${REGION_CODES.join(', ')})`, 'isIn');
const MONTH = /^20\d{2}-(0[1-9]|1[0-2])$/;

export class PeriodQuery {
  @ApiPropertyOptional({ example: '2025-12', description: 'first month (default: twelve months before `to`)' })
  @IsOptional() @Matches(MONTH, { message: 'from must be a month YYYY-MM' }) from?: string;
  @ApiPropertyOptional({ example: '2026-11', description: 'last month (default: last month); at most 36 months in all' })
  @IsOptional() @Matches(MONTH, { message: 'to must be a month YYYY-MM' }) to?: string;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const municipalityTitle = (s: MunicipalitySteering) => `Styringsdata ${s.from}–${s.to}: ${municipalityLabel(s.municipality)}; celler med færre end ${s.minPlacements} anbragte vises ikke`;
const regionTitle = (s: RegionSteering) => `Styringsdata ${s.from}–${s.to}: ${findRegion(s.region)?.name ?? s.region}; celler med færre end ${s.minPlacements} anbragte vises ikke`;

/** Styringsdata over HTTP: a municipality's own figures with anonymised others, a region's for its secretariat; CSV and Excel too. */
@ApiTags('tariffs')
@ApiBearerAuth()
@Controller('steering')
export class SteeringController {
  constructor(private readonly steering: ReadingSteeringData) {}

  @ApiOperation({
    summary: "Read a municipality's steering data (styringsdata)",
    description: 'Per target group × paragraph × month: placements, days, spend, average day rate, shares of days in own, bought and private offers; with the region and the country as benchmarks and the region\'s municipalities ranked without names. Cells under 5 placements are suppressed.',
  })
  @Get('municipalities/:code')
  @Roles('visitation-officer')
  forMunicipality(@Param('code', MUNICIPALITY) code: string, @Query() query: PeriodQuery, @CurrentPrincipal() principal: Principal): Promise<MunicipalitySteering> {
    return this.steering.forMunicipality(this.ownMunicipality(principal, code), ReadingSteeringData.periodOf(query.from, query.to));
  }

  @ApiOperation({ summary: "Export a municipality's steering data as CSV", description: 'Semicolon-separated with decimal commas; names beside codes.' })
  @Get('municipalities/:code/csv')
  @Roles('visitation-officer')
  @Header('content-type', 'text/csv; charset=utf-8')
  async municipalityCsv(@Param('code', MUNICIPALITY) code: string, @Query() query: PeriodQuery, @CurrentPrincipal() principal: Principal): Promise<string> {
    const s = await this.forMunicipality(code, query, principal);
    return steeringCsv(municipalityTitle(s), s.cells);
  }

  @ApiOperation({ summary: "Export a municipality's steering data as Excel", description: 'The same rows as the CSV, amounts as numbers.' })
  @Get('municipalities/:code/xlsx')
  @Roles('visitation-officer')
  async municipalityXlsx(@Param('code', MUNICIPALITY) code: string, @Query() query: PeriodQuery, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const s = await this.forMunicipality(code, query, principal);
    return new StreamableFile(await steeringXlsx(municipalityTitle(s), s.cells), { type: XLSX, disposition: `attachment; filename="styringsdata-${code}-${s.from}-${s.to}.xlsx"` });
  }

  @ApiOperation({
    summary: "Read a region's steering data (styringsdata)",
    description: "Each of the region's municipalities over the period, the region's trend per month and its cells, with the country as benchmark. Cells under 5 placements are suppressed.",
  })
  @Get('regions/:region')
  @Roles('kkr-secretariat')
  forRegion(@Param('region', REGION) region: string, @Query() query: PeriodQuery, @CurrentPrincipal() principal: Principal): Promise<RegionSteering> {
    requireOwnRegion(principal, region, 'region', 'a secretariat reads its own region');
    return this.steering.forRegion(region, ReadingSteeringData.periodOf(query.from, query.to));
  }

  @ApiOperation({ summary: "Export a region's steering data as CSV", description: 'Semicolon-separated with decimal commas; names beside codes.' })
  @Get('regions/:region/csv')
  @Roles('kkr-secretariat')
  @Header('content-type', 'text/csv; charset=utf-8')
  async regionCsv(@Param('region', REGION) region: string, @Query() query: PeriodQuery, @CurrentPrincipal() principal: Principal): Promise<string> {
    const s = await this.forRegion(region, query, principal);
    return steeringCsv(regionTitle(s), s.cells);
  }

  @ApiOperation({ summary: "Export a region's steering data as Excel", description: 'The same rows as the CSV, amounts as numbers.' })
  @Get('regions/:region/xlsx')
  @Roles('kkr-secretariat')
  async regionXlsx(@Param('region', REGION) region: string, @Query() query: PeriodQuery, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    const s = await this.forRegion(region, query, principal);
    return new StreamableFile(await steeringXlsx(regionTitle(s), s.cells), { type: XLSX, disposition: `attachment; filename="styringsdata-${region}-${s.from}-${s.to}.xlsx"` });
  }

  private ownMunicipality(principal: Principal, code: string): string {
    requireActingMunicipality(principal, code, 'code', "a municipality reads its own steering data (others' only anonymised)");
    return code;
  }
}

export type { Period };
