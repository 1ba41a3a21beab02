import { Body, Controller, Get, Header, HttpCode, Param, Post, Put, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, type Principal, requireOwnRegion, Roles } from '@tilbudsnet/auth';
import { type EventCause, IsCalendarDate, REGION_CODES, TARGET_GROUP_IDS } from '@tilbudsnet/contracts';
import { paramMatching, RequestCause } from '@tilbudsnet/platform';
import { IsIn, IsInt, IsISO8601, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import type { SupplyRow } from './domain/supply-figures';
import type { SupplyThresholds } from './domain/supply-rules';
import { MonitoringSupply } from './monitoring-supply';
import { RunningSupplyRules, type Firing } from './running-supply-rules';
import { saveThresholds, thresholdsOf } from './supply-thresholds';

const REGION = paramMatching('region', (v) => REGION_CODES.includes(v), `a region code (${REGION_CODES.join(', ')})`, 'isIn');

export class SnapshotQuery {
  @ApiProperty({ example: '2026-11-01' }) @IsCalendarDate({ min: '2000-01-01' }) from: string;
  @ApiProperty({ example: '2026-11-30' }) @IsCalendarDate({ min: '2000-01-01' }) to: string;
  @ApiPropertyOptional({ enum: TARGET_GROUP_IDS }) @IsOptional() @IsIn(TARGET_GROUP_IDS) targetGroup?: string;
}

export class ThresholdsRequest {
  @ApiProperty({ minimum: 1, maximum: 24 }) @IsInt() @Min(1) @Max(24) lowOccupancyMonths: number;
  @ApiProperty({ minimum: 1, maximum: 365 }) @IsInt() @Min(1) @Max(365) noVacancyDays: number;
  @ApiProperty({ minimum: 0, maximum: 1000 }) @IsInt() @Min(0) @Max(1000) closureMarginPlaces: number;
  @ApiPropertyOptional({ minimum: 0, maximum: 1000, description: 'kept as it is when left out' }) @IsOptional() @IsInt() @Min(0) @Max(1000) forecastGapPlaces?: number;
}

export class EvaluateRequest {
  @ApiPropertyOptional({ description: 'evaluate as of this moment (default now)' }) @IsOptional() @IsISO8601({ strict: true, strictSeparator: true }) asOf?: string;
}

function ownRegion(principal: Principal, region: string): void {
  requireOwnRegion(principal, region, 'region', 'a secretariat follows its own region');
}

@ApiTags('supply obligation')
@ApiBearerAuth()
@Controller('supply')
export class SupplyController {
  constructor(private readonly monitor: MonitoringSupply, private readonly rules: RunningSupplyRules, private readonly dataSource: DataSource) {}

  /** Forsyningsforpligtelsen per target group and paragraph, with totals. */
  @ApiOperation({ summary: "Monitor the supply obligation of a region (forsyningsforpligtelse)", description: "Per target group and paragraph: approved, occupied and vacant places, waiting list, announced closures and reductions, with totals." })
  @Get('regions/:region')
  @Roles('kkr-secretariat')
  async figures(@Param('region', REGION) region: string, @CurrentPrincipal() principal: Principal): Promise<{ region: string; asOf: string; items: SupplyRow[] }> {
    ownRegion(principal, region);
    const asOf = new Date();
    return { region, asOf: asOf.toISOString(), items: await this.monitor.figures(region, asOf) };
  }

  @ApiOperation({ summary: "Export the supply monitor as CSV", description: "The same figures as the monitor, semicolon-separated with decimal commas." })
  @Get('regions/:region/csv')
  @Roles('kkr-secretariat')
  @Header('content-type', 'text/csv; charset=utf-8')
  csv(@Param('region', REGION) region: string, @CurrentPrincipal() principal: Principal): Promise<string> {
    ownRegion(principal, region);
    return this.monitor.csv(region);
  }

  @ApiOperation({ summary: "Export the supply monitor as Excel", description: "The same figures as the monitor as a workbook." })
  @Get('regions/:region/xlsx')
  @Roles('kkr-secretariat')
  async xlsx(@Param('region', REGION) region: string, @CurrentPrincipal() principal: Principal): Promise<StreamableFile> {
    ownRegion(principal, region);
    return new StreamableFile(await this.monitor.xlsx(region), {
      type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', disposition: `attachment; filename="forsyning-${region}.xlsx"`,
    });
  }

  /** Daily snapshots for trends. */
  @ApiOperation({ summary: "Read the region's daily snapshots", description: "The monitor's figures per day, for trends." })
  @Get('regions/:region/snapshots')
  @Roles('kkr-secretariat')
  async snapshots(@Param('region', REGION) region: string, @Query() query: SnapshotQuery, @CurrentPrincipal() principal: Principal) {
    ownRegion(principal, region);
    return { items: await this.monitor.snapshots(region, query.from, query.to, query.targetGroup) };
  }

  @ApiOperation({ summary: "Read the region's supply-rule thresholds", description: "When the rules raise an early warning: months of low occupancy, days of waiting with no vacancy, margin under closures." })
  @Get('regions/:region/thresholds')
  @Roles('kkr-secretariat')
  thresholds(@Param('region', REGION) region: string, @CurrentPrincipal() principal: Principal): Promise<SupplyThresholds> {
    ownRegion(principal, region);
    return thresholdsOf(this.dataSource.manager, region);
  }

  @ApiOperation({ summary: "Set the region's supply-rule thresholds", description: "For the region's KKR secretariat." })
  @Put('regions/:region/thresholds')
  @Roles('kkr-secretariat')
  async setThresholds(@Param('region', REGION) region: string, @Body() body: ThresholdsRequest, @CurrentPrincipal() principal: Principal): Promise<SupplyThresholds> {
    ownRegion(principal, region);
    const thresholds: SupplyThresholds = {
      lowOccupancyMonths: body.lowOccupancyMonths, noVacancyDays: body.noVacancyDays, closureMarginPlaces: body.closureMarginPlaces,
      forecastGapPlaces: body.forecastGapPlaces ?? (await thresholdsOf(this.dataSource.manager, region)).forecastGapPlaces,
    };
    await saveThresholds(this.dataSource.manager, region, thresholds);
    return thresholds;
  }

  /** Operations: run the rules now (the job does it every 15 minutes) or as of a given moment. */
  @ApiOperation({ summary: "Run the supply rules now", description: "Operations: the job does it every 15 minutes; this runs it now or as of a given moment." })
  @Post('rules/evaluate')
  @HttpCode(200)
  @Roles('admin')
  async evaluate(@Body() body: EvaluateRequest, @RequestCause() cause: EventCause): Promise<{ fired: Firing[] }> {
    return { fired: await this.rules.evaluateAll(body.asOf ? new Date(body.asOf) : new Date(), cause) };
  }

  /** Operations: keep today's snapshot now (the job does it daily). */
  @ApiOperation({ summary: "Keep today's snapshot now", description: "Operations: the job does it daily." })
  @Post('snapshots')
  @HttpCode(200)
  @Roles('admin')
  async snapshot(): Promise<{ rowsWritten: number }> {
    return { rowsWritten: await this.monitor.takeSnapshot() };
  }
}
