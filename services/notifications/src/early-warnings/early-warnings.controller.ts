import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { EARLY_WARNING_STATUSES, REGION_CODES, type EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { IsIn, IsOptional } from 'class-validator';
import { ActionPlanRequest, RaiseEarlyWarningRequest, WarningNoteRequest } from './early-warning.request';
import { HandlingEarlyWarnings, type EarlyWarningView } from './handling-early-warnings';

export class EarlyWarningQuery {
  @ApiPropertyOptional({ enum: EARLY_WARNING_STATUSES }) @IsOptional() @IsIn(EARLY_WARNING_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: REGION_CODES }) @IsOptional() @IsIn(REGION_CODES) region?: string;
}

const READERS = ['visitation-officer', 'offer-manager', 'kkr-secretariat'] as const;

@ApiTags('early warnings')
@ApiBearerAuth()
@Controller('early-warnings')
export class EarlyWarningsController {
  constructor(private readonly warnings: HandlingEarlyWarnings) {}

  /** Tidlig varsling from the operator about one of its offers. */
  @ApiOperation({ summary: "Raise an early warning about an offer (tidlig varsling)", description: "The operator warns that an offer's professional or economic sustainability is at risk; the secretariat and the municipalities concerned are told. The description never goes on Kafka." })
  @Post()
  @Roles('offer-manager')
  raise(@Body() body: RaiseEarlyWarningRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<EarlyWarningView> {
    return this.warnings.raise(principal, body, cause);
  }

  @ApiOperation({ summary: "List early warnings", description: "The warnings the caller's organisation may see: its region's, its offers', or those sent to it." })
  @Get()
  @Roles(...READERS)
  async list(@Query() query: EarlyWarningQuery, @CurrentPrincipal() principal: Principal): Promise<{ items: EarlyWarningView[] }> {
    return { items: await this.warnings.list(principal, { status: query.status, regionCode: query.region }) };
  }

  @ApiOperation({ summary: "Read an early warning with its history", description: "Status, action plan and every change with who made it." })
  @Get(':id')
  @Roles(...READERS)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<EarlyWarningView> {
    return this.warnings.get(principal, id);
  }

  @ApiOperation({ summary: "Acknowledge an early warning", description: "The region's secretariat has seen the warning." })
  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('kkr-secretariat')
  acknowledge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WarningNoteRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause) {
    return this.warnings.act(principal, id, 'acknowledge', body.note, cause);
  }

  /** Handleplan: written by the secretariat or the offer's operator. */
  @ApiOperation({ summary: "Record an action plan for an early warning (handleplan)", description: "Written by the secretariat or the offer's operator." })
  @Post(':id/action-plan')
  @HttpCode(200)
  @Roles('kkr-secretariat', 'offer-manager')
  actionPlan(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ActionPlanRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause) {
    return this.warnings.act(principal, id, 'action-plan', body.plan, cause);
  }

  @ApiOperation({ summary: "Resolve an early warning", description: "The risk is over; the warning closes with its history kept." })
  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('kkr-secretariat')
  resolve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WarningNoteRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause) {
    return this.warnings.act(principal, id, 'resolve', body.note, cause);
  }
}
