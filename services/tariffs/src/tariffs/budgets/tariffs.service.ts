import { Injectable } from '@nestjs/common';
import { type Principal, requireOwnOperator, requireOwnRegion } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource, type EntityManager } from 'typeorm';
import { formatKroner, kroner, type Oere } from '../domain/money';
import { computeTariff, YEARLY_COST_LABEL, type Budget, type TariffComputation } from '../domain/tariff-computation';
import type { BudgetRequest } from './budget.request';
import { droppedPackages, type DroppedPackageWarning } from '../domain/package-decisions';

/** Central administration % per region (`CENTRAL_ADMINISTRATION_PCT='{"1082":7.5}'`, default 7). */
export function centralAdministrationPctFor(region: string, env = process.env): number {
  const configured = env.CENTRAL_ADMINISTRATION_PCT ? (JSON.parse(env.CENTRAL_ADMINISTRATION_PCT) as Record<string, number>) : {};
  return configured[region] ?? 7;
}

/** VAT compensation of private offers (`VAT_COMPENSATION_PCT`, default 6). */
const vatCompensationPct = () => Number(process.env.VAT_COMPENSATION_PCT ?? 6);

export interface TariffView {
  offerId: string;
  year: number;
  status: 'awaiting-approval' | 'published';
  frameworkAgreement: boolean;
  /** Omkostningsgrundlaget: the budgeted yearly cost the tariff is computed from (the carry-over limit is 5 % of it). */
  yearlyCost: string;
  dayTariff: string;
  vatCompensationPerDay: string;
  rates: Record<string, string>;
  hourlyRate: string | null;
  budgetedOccupancyPct: number;
  lines: TariffComputation['lines'];
  /** Computed when read, never stored: packages running placements use in the year that this tariff lacks. */
  warnings?: DroppedPackageWarning[];
}

interface OfferRow {
  offer_id: string;
  operator: string;
  region_code: string;
  framework_agreement: boolean;
}

function view(offerId: string, year: number, status: TariffView['status'], frameworkAgreement: boolean, c: TariffComputation): TariffView {
  return {
    offerId, year, status, frameworkAgreement, yearlyCost: formatKroner(c.yearlyCost), dayTariff: formatKroner(c.dayTariff), vatCompensationPerDay: formatKroner(c.vatCompensationPerDay),
    rates: Object.fromEntries(Object.entries(c.rates).map(([k, v]) => [k, formatKroner(v)])),
    hourlyRate: c.hourlyRate === null ? null : formatKroner(c.hourlyRate), budgetedOccupancyPct: c.budgetedOccupancyPct, lines: c.lines,
  };
}

/** The cost basis of a stored tariff; tariffs stored before `yearlyCost` was kept carry it as a line. */
export function costBasisOf(t: Pick<TariffView, 'yearlyCost' | 'lines'>): Oere {
  const text = t.yearlyCost ?? t.lines.find((l) => l.label === YEARLY_COST_LABEL)?.amount;
  if (text === undefined) throw new Error('a stored tariff without its yearly cost');
  return kroner(text);
}

/**
 * Budget to tariff. A framework-agreement offer's tariff waits for its region's KKR secretariat;
 * others are published at once. Publishing emits `TariffPublished`.
 */
@Injectable()
export class TariffsService {
  constructor(private readonly outbox: TransactionalOutbox, private readonly dataSource: DataSource) {}

  async awaitingApproval(regionCode: string): Promise<TariffView[]> {
    const rows: { computation: TariffView }[] = await this.dataSource.query(
      `SELECT t.computation FROM tariffs t JOIN tariff_offers o ON o.offer_id = t.offer_id
       WHERE o.region_code = $1 AND t.status = 'awaiting-approval' ORDER BY t.year, t.offer_id`, [regionCode]);
    return Promise.all(rows.map((r) => this.withWarnings(this.dataSource.manager, { ...r.computation, status: 'awaiting-approval' })));
  }

  submitBudget(offerId: string, year: number, request: BudgetRequest, principal: Principal, cause: EventCause): Promise<TariffView> {
    return this.outbox.run(async (manager) => {
      const offer = await this.offer(manager, offerId);
      const [kind, id] = offer.operator.split(':');
      requireOwnOperator(principal, { kind, id }, 'offerId', 'an offer manager budgets its own operator\'s offers only');
      const carried: { from_year: number; amount_oere: string }[] = await manager.query(
        'SELECT from_year, amount_oere FROM carry_overs WHERE offer_id = $1 AND into_year = $2 AND amount_oere <> 0 ORDER BY from_year', [offerId, year]);
      const budget: Budget = {
        year, directOperatingCosts: kroner(request.directOperatingCosts), centralAdministrationPct: centralAdministrationPctFor(offer.region_code),
        depreciationAndInterest: kroner(request.depreciationAndInterest), civilServantPensions: kroner(request.civilServantPensions),
        otherIncome: kroner(request.otherIncome), approvedPlaces: request.approvedPlaces, budgetedOccupancyPct: request.budgetedOccupancyPct,
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
      const result = await this.withWarnings(manager, view(offerId, year, status, offer.framework_agreement, computation));
      return { result, events: status === 'published' ? [await this.published(manager, result, cause)] : [] };
    });
  }

  approve(offerId: string, year: number, principal: Principal, cause: EventCause): Promise<TariffView> {
    return this.outbox.run(async (manager) => {
      const offer = await this.offer(manager, offerId);
      requireOwnRegion(principal, offer.region_code, 'offerId', 'the KKR secretariat approves its own region\'s tariffs');
      const [row] = await manager.query('SELECT computation FROM tariffs WHERE offer_id = $1 AND year = $2', [offerId, year]);
      if (!row) throw new RuleViolation('year', 'tariff-exists', `no ${year} tariff for offer ${offerId}`, 404);
      const current: TariffView = row.computation;
      if (current.status !== 'awaiting-approval') throw new RuleViolation('status', 'awaiting-approval', `the ${year} tariff is ${current.status}`, 409);
      const approved: TariffView = { ...current, status: 'published' };
      await manager.query(`UPDATE tariffs SET status = 'published', approved_by = $3, published_at = now(), computation = $4, version = version + 1 WHERE offer_id = $1 AND year = $2`,
        [offerId, year, principal.sub, JSON.stringify(approved)]);
      return { result: await this.withWarnings(manager, approved), events: [await this.published(manager, approved, cause)] };
    });
  }

  async get(offerId: string, year: number, manager: EntityManager = this.dataSource.manager): Promise<TariffView> {
    const [row] = await manager.query('SELECT computation FROM tariffs WHERE offer_id = $1 AND year = $2', [offerId, year]);
    if (!row) throw new RuleViolation('year', 'tariff-exists', `no ${year} tariff for offer ${offerId}`, 404);
    return this.withWarnings(manager, row.computation);
  }

  /** The tariff with a warning for each package that running placements use in its year and it has no rate for. */
  private async withWarnings(manager: EntityManager, t: TariffView): Promise<TariffView> {
    const placements: { packages: { effectiveDate: string; packageCode: string }[]; end_date: string | null }[] = await manager.query(
      `SELECT packages, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM tariff_placements WHERE offer_id = $1 AND (end_date IS NULL OR end_date >= $2::date)`,
      [t.offerId, `${t.year}-01-01`]);
    return { ...t, warnings: droppedPackages(t.year, t.rates, placements.map((p) => ({ packages: p.packages, endDate: p.end_date }))) };
  }

  private async published(manager: EntityManager, t: TariffView, cause: EventCause) {
    const [{ version }] = await manager.query('SELECT version FROM tariffs WHERE offer_id = $1 AND year = $2', [t.offerId, t.year]);
    return createEvent('tariffs', {
      type: 'TariffPublished', aggregateId: t.offerId, aggregateVersion: t.year * 1000 + version,
      payload: { offerId: t.offerId, year: t.year, dayTariff: t.dayTariff, vatCompensationPerDay: t.vatCompensationPerDay, rates: t.rates,
        ...(t.hourlyRate ? { hourlyRate: t.hourlyRate } : {}), budgetedOccupancyPct: t.budgetedOccupancyPct, frameworkAgreement: t.frameworkAgreement },
    }, cause);
  }

  private async offer(manager: EntityManager, offerId: string): Promise<OfferRow> {
    const [offer] = await manager.query('SELECT offer_id, operator, region_code, framework_agreement FROM tariff_offers WHERE offer_id = $1', [offerId]);
    if (!offer) throw new RuleViolation('offerId', 'offer-known', `offer ${offerId} is not (yet) known to tariffs`, 404);
    return offer;
  }
}
