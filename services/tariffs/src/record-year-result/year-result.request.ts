import { Matches } from 'class-validator';

/** POST /offers/:offerId/results/:year: the year's actual cost. */
export class YearResultRequest {
  @Matches(/^\d{1,13}(\.\d{1,2})?$/, { message: 'actualCost must be an amount in kroner as text, e.g. "10400000.00"' }) actualCost: string;
}
