import { ApiProperty } from '@nestjs/swagger';
import { IsCalendarDate, PROGRESSION_AREAS, type ProgressionArea } from '@tilbudsnet/contracts';
import { IsIn, IsString, MaxLength, MinLength } from 'class-validator';

/** POST /placements/:id/goals: a goal for the citizen's stay. */
export class SetGoalRequest {
  @ApiProperty({ enum: PROGRESSION_AREAS, description: 'VUM 2.0 theme' }) @IsIn(PROGRESSION_AREAS) area: ProgressionArea;
  /** Kept in visitation only, never in an event. */
  @ApiProperty({ example: 'Deltager i fællesspisning to gange om ugen', description: 'what is to be reached; no CPR number or name' })
  @IsString() @MinLength(5) @MaxLength(500) description: string;
  @ApiProperty({ example: '2027-06-30' }) @IsCalendarDate({ min: '2000-01-01' }) targetDate: string;
}
