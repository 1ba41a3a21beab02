import { Injectable } from '@nestjs/common';
import { requireOwnOperator, type Principal } from '@tilbudsnet/auth';
import { RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { kroner } from '../domain/money';
import { computeTariff, type Budget } from '../domain/tariff-computation';
import { centralAdministrationPctFor, offerOf, operatorOf, publishedEvent, vatCompensationPct, view, withWarnings, type TariffView } from '../tariff-store';
import type { BudgetRequest } from './budget.request';

/**
 * Use case: budget to tariff. The operator's offer manager submits the year's budget; the tariff is
 * computed line by line. A framework-agreement offer's tariff waits for its region's KKR
 * secretariat; others are published at once (`TariffPublished`).
 */
@Injectable()
export class SubmittingBudget {
  constructor(private readonly outbox: TransactionalOutbox) {}

  submitBudget(offerId: string, year: number, request: BudgetRequest, principal: Principal, cause: EventCause): Promise<TariffView> {
    return this.outbox.run(async (manager) => {
      const offer = await offerOf(manager, offerId);
      const { kind } = operatorOf(offer);
      requireOwnOperator(principal, offer.operator, 'offerId', 'an offer manager budgets its own operator\'s offers only');
      if (offer.units && request.budgetedUnits === undefined) {
        throw new RuleViolation('budgetedUnits', 'required-for-single-service', 'the offer sells units (enkeltydelse): give budgetedUnits, the units expected in the year');
      }
      if (!offer.units && request.budgetedUnits !== undefined) {
        throw new RuleViolation('budgetedUnits', 'single-service-only', 'the offer has places: its budget gives approvedPlaces, not budgetedUnits');
      }
      const carried: { from_year: number; amount_oere: string }[] = await manager.query(
        'SELECT from_year, amount_oere FROM carry_overs WHERE offer_id = $1 AND into_year = $2 AND amount_oere <> 0 ORDER BY from_year', [offerId, year]);
      const budget: Budget = {
        year, directOperatingCosts: kroner(request.directOperatingCosts), centralAdministrationPct: centralAdministrationPctFor(offer.region_code),
        depreciationAndInterest: kroner(request.depreciationAndInterest), civilServantPensions: kroner(request.civilServantPensions),
        otherIncome: kroner(request.otherIncome), approvedPlaces: request.approvedPlaces ?? 0, budgetedUnits: offer.units ? request.budgetedUnits : undefined, budgetedOccupancyPct: request.budgetedOccupancyPct,
        vatCompensationPct: kind === 'private' ? vatCompensationPct() : undefined,
        packages: (request.packages ?? []).map((p) => ({ code: p.code, supplementPerDay: kroner(p.supplementPerDay) })),
        hourlyRate: request.hourlyRate ? kroner(request.hourlyRate) : undefined,
        carryOvers: carried.map((c) => ({ fromYear: c.from_year, amount: BigInt(c.amount_oere) })),
      };
      const computation = computeTariff(budget);
      const status = offer.framework_agreement ? 'awaiting-approval' : 'published';
      await manager.query(
        `INSERT INTO tariffs (offer_id, year, budget, computation, status, published_at, version) VALUES ($1, $2, $3, $4, $5, $6, 1)
         ON CONFLICT (offer_id, year) DO UPDATE SET budget = $3, computation = $4, status = $5, approved_by = NULL, published_at = $6, version = tariffs.version + 1`,
        [offerId, year, JSON.stringify(request), JSON.stringify(view(offerId, year, status, offer.framework_agreement, computation)), status, status === 'published' ? new Date() : null],
      );
      const result = await withWarnings(manager, view(offerId, year, status, offer.framework_agreement, computation));
      return { result, events: status === 'published' ? [await publishedEvent(manager, result, cause)] : [] };
    });
  }
}
