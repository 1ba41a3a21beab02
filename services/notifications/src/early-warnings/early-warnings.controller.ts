import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, Roles, type Principal } from '@tilbudsnet/auth';
import { EARLY_WARNING_STATUSES, REGION_CODES, type EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { IsIn, IsOptional } from 'class-validator';
import { ActionPlanRequest, RaiseEarlyWarningRequest, WarningNoteRequest } from './early-warning.request';
import { EarlyWarningsService, type EarlyWarningView } from './early-warnings.service';

export class EarlyWarningQuery {
  @ApiPropertyOptional({ enum: EARLY_WARNING_STATUSES }) @IsOptional() @IsIn(EARLY_WARNING_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: REGION_CODES }) @IsOptional() @IsIn(REGION_CODES) region?: string;
}

const READERS = ['visitation-officer', 'offer-manager', 'kkr-secretariat'] as const;

@ApiTags('early warnings')
@ApiBearerAuth()
@Controller('early-warnings')
export class EarlyWarningsController {
  constructor(private readonly warnings: EarlyWarningsService) {}

  /** Tidlig varsling from the operator about one of its offers. */
  @Post()
  @Roles('offer-manager')
  raise(@Body() body: RaiseEarlyWarningRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<EarlyWarningView> {
    return this.warnings.raise(principal, body, cause);
  }

  @Get()
  @Roles(...READERS)
  async list(@Query() query: EarlyWarningQuery, @CurrentPrincipal() principal: Principal): Promise<{ items: EarlyWarningView[] }> {
    return { items: await this.warnings.list(principal, { status: query.status, regionCode: query.region }) };
  }

  @Get(':id')
  @Roles(...READERS)
  get(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal): Promise<EarlyWarningView> {
    return this.warnings.get(principal, id);
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @Roles('kkr-secretariat')
  acknowledge(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WarningNoteRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause) {
    return this.warnings.act(principal, id, 'acknowledge', body.note, cause);
  }

  /** Handleplan: written by the secretariat or the offer's operator. */
  @Post(':id/action-plan')
  @HttpCode(200)
  @Roles('kkr-secretariat', 'offer-manager')
  actionPlan(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: ActionPlanRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause) {
    return this.warnings.act(principal, id, 'action-plan', body.plan, cause);
  }

  @Post(':id/resolve')
  @HttpCode(200)
  @Roles('kkr-secretariat')
  resolve(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: WarningNoteRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause) {
    return this.warnings.act(principal, id, 'resolve', body.note, cause);
  }
}
