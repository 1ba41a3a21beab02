import { Body, Controller, Get, Headers, HttpCode, Param, ParseUUIDPipe, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ROLES, Roles, type Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { RequestCause } from '@tilbudsnet/platform';
import { Purpose, PURPOSE_HEADER } from '../audit/purpose.decorator';
import type { OfferEffect } from './domain/effect';
import type { GoalView } from './goal-store';
import { MeasureProgressRequest } from './measure-progress/measure-progress.request';
import { MeasuringProgress } from './measure-progress/measuring-progress';
import { ReadingProgression } from './read-effect/reading-progression';
import { SetGoalRequest } from './set-goal/set-goal.request';
import { SettingGoal } from './set-goal/setting-goal';

/** Progression og effekt over HTTP: goals, measurements, and an offer's effect as aggregates. */
@ApiTags('progression')
@ApiBearerAuth()
@Controller()
export class ProgressionController {
  constructor(private readonly setting: SettingGoal, private readonly measuring: MeasuringProgress, private readonly reading: ReadingProgression) {}

  @ApiOperation({ summary: 'Set a goal for a placement (mål)', description: "The acting municipality sets a goal in a VUM 2.0 area with a target date. The description stays in visitation; the GoalSet event carries area and dates only." })
  @ApiHeader({ name: PURPOSE_HEADER, required: true, description: 'why the case is acted on (audit log)' })
  @Post('placements/:id/goals')
  @HttpCode(201)
  @Roles('visitation-officer')
  setGoal(@Param('id', new ParseUUIDPipe()) id: string, @Body() body: SetGoalRequest, @CurrentPrincipal() principal: Principal, @Purpose() purpose: string, @RequestCause() cause: EventCause): Promise<GoalView> {
    return this.setting.set(id, body, principal, purpose, cause);
  }

  @ApiOperation({ summary: "Read a placement's goals and measurements", description: "For the acting municipality (with the purpose of the access) and the offer's operator." })
  @ApiHeader({ name: PURPOSE_HEADER, required: false, description: 'why the case is read (required for the acting municipality)' })
  @Get('placements/:id/goals')
  @Roles('visitation-officer', 'offer-manager')
  goals(@Param('id', new ParseUUIDPipe()) id: string, @CurrentPrincipal() principal: Principal, @Headers(PURPOSE_HEADER) purpose?: string): Promise<{ items: GoalView[] }> {
    return this.reading.goalsOfPlacement(id, principal, purpose);
  }

  @ApiOperation({ summary: 'Measure a goal on the goal attainment scale (måling)', description: "The offer's operator records the level (−2 … +2, Goal Attainment Scaling) on a day; ProgressMeasured carries it without words about the citizen." })
  @Post('goals/:goalId/measurements')
  @HttpCode(201)
  @Roles('offer-manager')
  measure(@Param('goalId', new ParseUUIDPipe()) goalId: string, @Body() body: MeasureProgressRequest, @CurrentPrincipal() principal: Principal, @RequestCause() cause: EventCause): Promise<GoalView> {
    return this.measuring.measure(goalId, body, principal, cause);
  }

  @ApiOperation({ summary: "Read the goals of an offer's placements", description: "For the offer's operator, to measure them: area, description, target date, levels and the placement's start; no citizen." })
  @Get('offers/:offerId/goals')
  @Roles('offer-manager')
  offerGoals(@Param('offerId', new ParseUUIDPipe()) offerId: string, @CurrentPrincipal() principal: Principal) {
    return this.reading.goalsOfOffer(offerId, principal);
  }

  @ApiOperation({ summary: "Read an offer's effect (aggregates)", description: 'Share of measured goals met and average progression per area per year; nothing (not even a count) resting on fewer than 5 placements. Every role.' })
  @Get('offers/:offerId/effect')
  @Roles(...ROLES)
  effect(@Param('offerId', new ParseUUIDPipe()) offerId: string): Promise<OfferEffect & { offerId: string }> {
    return this.reading.effectOf(offerId);
  }
}
