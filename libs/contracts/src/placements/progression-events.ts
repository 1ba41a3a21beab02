import 'reflect-metadata';
import { IsIn, IsInt, IsUUID, Max, Min } from 'class-validator';
import { IsCalendarDate } from '../calendar-date';

/*
 * Progression events (visitation.progression, key: goal id). A goal's description is written by the
 * officer and stays inside visitation: the events carry its area, dates and levels only, never words
 * about the citizen.
 */

/**
 * The areas of a goal: the functional themes of the adult assessment method VUM 2.0
 * (Voksenudredningsmetoden, Socialstyrelsen): egenomsorg, praktiske opgaver, mobilitet,
 * kommunikation, samfundsliv, socialt liv, sundhed.
 */
export const PROGRESSION_AREAS = ['self-care', 'practical-tasks', 'mobility', 'communication', 'community-life', 'social-life', 'health'] as const;
export type ProgressionArea = (typeof PROGRESSION_AREAS)[number];

/**
 * Goal Attainment Scaling (Kiresuk & Sherman 1968): −2 much less than expected, −1 somewhat less,
 * 0 the expected outcome, +1 somewhat more, +2 much more than expected. A goal is met at 0 or above.
 */
export const GOAL_ATTAINMENT_LEVELS = [-2, -1, 0, 1, 2] as const;

/** The acting municipality set a goal for a placement (mål). */
export class GoalSetV1 {
  @IsUUID() goalId: string;
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsIn(PROGRESSION_AREAS) area: ProgressionArea;
  @IsCalendarDate() targetDate: string;
}

/** The offer's operator measured how far a goal is reached (måling på målopfyldelsesskalaen). */
export class ProgressMeasuredV1 {
  @IsUUID() goalId: string;
  @IsUUID() placementId: string;
  @IsUUID() offerId: string;
  @IsIn(PROGRESSION_AREAS) area: ProgressionArea;
  @IsInt() @Min(-2) @Max(2) level: number;
  @IsCalendarDate() measuredOn: string;
}
