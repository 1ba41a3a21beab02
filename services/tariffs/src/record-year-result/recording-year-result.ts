import { Injectable } from '@nestjs/common';
import { type Principal, requireOwnOperator } from '@tilbudsnet/auth';
import { RuleViolation } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { carryOver, carryOverLines } from '../domain/carry-over';
import { costBasisOf } from '../tariff-store';
import { formatKroner, kroner } from '../domain/money';

export interface YearResultView {
  offerId: string;
  year: number;
  actualIncome: string;
  actualCost: string;
  result: string;
  /** Omkostningsgrundlaget: the budgeted yearly cost of the year's tariff. */
  costBasis: string;
  /** 5 % of the cost basis. */
  limit: string;
  intoNextYear: { year: number; amount: string };
  intoYearAfterNext: { year: number; amount: string };
  lines: { label: string; amount: string }[];
}

/**
 * Efterregulering at year end: the operator enters the actual cost; the actual tariff income comes
 * from the year's statements (occupied days × tariff, delivered units × unit price); the cost basis is the yearly cost of the year's
 * tariff (refused, 409, when the year has none). The carry-overs then appear as their own
 * lines in the budgets of the next year and the year after.
 */
@Injectable()
export class RecordingYearResult {
  constructor(private readonly dataSource: DataSource) {}

  record(offerId: string, year: number, actualCost: string, principal: Principal): Promise<YearResultView> {
    return this.dataSource.transaction(async (manager) => {
      const [offer] = await manager.query('SELECT operator FROM tariff_offers WHERE offer_id = $1', [offerId]);
      if (!offer) throw new RuleViolation('offerId', 'offer-known', `offer ${offerId} is not known to tariffs`, 404);
      requireOwnOperator(principal, offer.operator, 'offerId', 'an offer manager records its own operator\'s results only');
      // The year's statement lines of this offer: its placements' days and its single services'
      // delivered units (a units line names the booking where a stay names the placement).
      const lines: { amount: string }[] = await manager.query(
        `SELECT l ->> 'amount' AS amount FROM statements s CROSS JOIN LATERAL jsonb_array_elements(s.lines) AS l
         WHERE s.month LIKE $1 AND lower(l ->> 'placementId') IN (
           SELECT placement_id::text FROM tariff_placements WHERE offer_id = $2 UNION SELECT booking_id::text FROM unit_deliveries WHERE offer_id = $2)`,
        [`${year}-%`, offerId]);
      const [tariff] = await manager.query('SELECT computation FROM tariffs WHERE offer_id = $1 AND year = $2', [offerId, year]);
      if (!tariff) {
        throw new RuleViolation('year', 'tariff-exists', `offer ${offerId} has no ${year} tariff: the carry-over limit is 5 % of the cost basis that tariff was computed from`, 409);
      }
      const income = lines.reduce((sum, l) => sum + kroner(l.amount), 0n);
      const cost = kroner(actualCost);
      const figures = { actualIncome: income, actualCost: cost, costBasis: costBasisOf(tariff.computation) };
      const c = carryOver(figures);
      await manager.query(
        `INSERT INTO year_results (offer_id, year, actual_income_oere, actual_cost_oere, result_oere) VALUES ($1,$2,$3,$4,$5)
         ON CONFLICT (offer_id, year) DO UPDATE SET actual_income_oere = $3, actual_cost_oere = $4, result_oere = $5, recorded_at = now()`,
        [offerId, year, income.toString(), cost.toString(), c.result.toString()],
      );
      for (const [intoYear, amount] of [[year + 1, c.intoNextYear], [year + 2, c.intoYearAfterNext]] as const) {
        await manager.query(
          `INSERT INTO carry_overs (offer_id, from_year, into_year, amount_oere) VALUES ($1,$2,$3,$4)
           ON CONFLICT (offer_id, from_year, into_year) DO UPDATE SET amount_oere = $4`, [offerId, year, intoYear, amount.toString()]);
      }
      return {
        offerId, year, actualIncome: formatKroner(income), actualCost: formatKroner(cost), result: formatKroner(c.result),
        costBasis: formatKroner(figures.costBasis), limit: formatKroner(c.limit),
        intoNextYear: { year: year + 1, amount: formatKroner(c.intoNextYear) }, intoYearAfterNext: { year: year + 2, amount: formatKroner(c.intoYearAfterNext) },
        lines: carryOverLines(year, figures, c),
      };
    });
  }
}
