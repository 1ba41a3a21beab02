import { ApiProperty } from '@nestjs/swagger';
import { GOAL_ATTAINMENT_LEVELS, IsCalendarDate } from '@tilbudsnet/contracts';
import { IsIn, IsInt } from 'class-validator';

/** POST /goals/:goalId/measurements: where the goal stands on the goal attainment scale. */
export class MeasureProgressRequest {
  @ApiProperty({ enum: GOAL_ATTAINMENT_LEVELS, description: 'Goal Attainment Scaling: −2 much less than expected … 0 expected … +2 much more' })
  @IsInt() @IsIn(GOAL_ATTAINMENT_LEVELS) level: number;
  @ApiProperty({ example: '2026-12-01' }) @IsCalendarDate({ min: '2000-01-01' }) measuredOn: string;
}
