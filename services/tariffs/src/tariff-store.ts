/**
 * What the tariff use cases share: the stored tariff as it is shown, its cost basis, the offer as
 * tariffs knows it, the `TariffPublished` event and the warnings computed when a tariff is read.
 */
import { managesOperator, servesRegion, type Principal } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import type { EntityManager } from 'typeorm';
import { formatKroner, kroner, type Oere } from './domain/money';
import { YEARLY_COST_LABEL, type TariffComputation } from './domain/tariff-computation';
import { droppedPackages, type DroppedPackageWarning } from './domain/package-decisions';

/** Central administration % per region (`CENTRAL_ADMINISTRATION_PCT='{"1082":7.5}'`, default 7). */
export function centralAdministrationPctFor(region: string, env = process.env): number {
  const configured = env.CENTRAL_ADMINISTRATION_PCT ? (JSON.parse(env.CENTRAL_ADMINISTRATION_PCT) as Record<string, number>) : {};
  return configured[region] ?? 7;
}

/** VAT compensation of private offers (`VAT_COMPENSATION_PCT`, default 6). */
export const vatCompensationPct = () => Number(process.env.VAT_COMPENSATION_PCT ?? 6);

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
  /** Enkeltydelse: the price of one delivered unit (absent or null for an offer with places). */
  unitPrice?: string | null;
  budgetedOccupancyPct: number;
  lines: TariffComputation['lines'];
  /** Computed when read, never stored: packages running placements use in the year that this tariff lacks. */
  warnings?: DroppedPackageWarning[];
}

export interface OfferRow {
  offer_id: string;
  operator: string;
  region_code: string;
  framework_agreement: boolean;
  /** Enkeltydelse: what the offer sells instead of places (null for an offer with places). */
  units?: { kind: string; per: string; unitsPerPeriod: number } | null;
}

export function view(offerId: string, year: number, status: TariffView['status'], frameworkAgreement: boolean, c: TariffComputation): TariffView {
  return {
    offerId, year, status, frameworkAgreement, yearlyCost: formatKroner(c.yearlyCost), dayTariff: formatKroner(c.dayTariff), vatCompensationPerDay: formatKroner(c.vatCompensationPerDay),
    rates: Object.fromEntries(Object.entries(c.rates).map(([k, v]) => [k, formatKroner(v)])),
    hourlyRate: c.hourlyRate === null ? null : formatKroner(c.hourlyRate), unitPrice: c.unitPrice === null ? null : formatKroner(c.unitPrice), budgetedOccupancyPct: c.budgetedOccupancyPct, lines: c.lines,
  };
}

/** The cost basis of a stored tariff; tariffs stored before `yearlyCost` was kept carry it as a line. */
export function costBasisOf(t: Pick<TariffView, 'yearlyCost' | 'lines'>): Oere {
  const text = t.yearlyCost ?? t.lines.find((l) => l.label === YEARLY_COST_LABEL)?.amount;
  if (text === undefined) throw new Error('a stored tariff without its yearly cost');
  return kroner(text);
}

/** The tariff with a warning for each package that running placements use in its year and it has no rate for. */
export async function withWarnings(manager: EntityManager, t: TariffView): Promise<TariffView> {
  const placements: { packages: { effectiveDate: string; packageCode: string }[]; end_date: string | null }[] = await manager.query(
    `SELECT packages, to_char(end_date, 'YYYY-MM-DD') AS end_date FROM tariff_placements WHERE offer_id = $1 AND (end_date IS NULL OR end_date >= $2::date)`,
    [t.offerId, `${t.year}-01-01`]);
  return { ...t, warnings: droppedPackages(t.year, t.rates, placements.map((p) => ({ packages: p.packages, endDate: p.end_date }))) };
}

export async function publishedEvent(manager: EntityManager, t: TariffView, cause: EventCause) {
  const [{ version }] = await manager.query('SELECT version FROM tariffs WHERE offer_id = $1 AND year = $2', [t.offerId, t.year]);
  return createEvent('tariffs', {
    type: 'TariffPublished', aggregateId: t.offerId, aggregateVersion: t.year * 1000 + version,
    payload: { offerId: t.offerId, year: t.year, dayTariff: t.dayTariff, vatCompensationPerDay: t.vatCompensationPerDay, rates: t.rates,
      ...(t.hourlyRate ? { hourlyRate: t.hourlyRate } : {}), ...(t.unitPrice ? { unitPrice: t.unitPrice } : {}), budgetedOccupancyPct: t.budgetedOccupancyPct, frameworkAgreement: t.frameworkAgreement },
  }, cause);
}

export async function offerOf(manager: EntityManager, offerId: string): Promise<OfferRow> {
  const [offer] = await manager.query('SELECT offer_id, operator, region_code, framework_agreement, units FROM tariff_offers WHERE offer_id = $1', [offerId]);
  if (!offer) throw new RuleViolation('offerId', 'offer-known', `offer ${offerId} is not (yet) known to tariffs`, 404);
  return offer;
}

/**
 * A published tariff is a public fact every role reads. A tariff awaiting approval is still the
 * operator's budget: only its operator, the region's KKR secretariat that approves it, and
 * operations read it; competing operators and municipalities do not.
 */
export async function readTariff(manager: EntityManager, offerId: string, year: number, principal: Principal): Promise<TariffView> {
  const tariff = await loadTariff(manager, offerId, year);
  if (tariff.status === 'published' || principal.role === 'admin') return tariff;
  const offer = await offerOf(manager, offerId);
  if (!managesOperator(principal, operatorOf(offer)) && !servesRegion(principal, offer.region_code)) {
    throw new RuleViolation('year', 'budget-before-approval', `the ${year} tariff awaits approval: only its operator and the region's secretariat read it`, 403);
  }
  return tariff;
}

/** The operator of an offer as tariffs stores it (`<kind>:<id>`), in parts. */
export function operatorOf(offer: Pick<OfferRow, 'operator'>): { kind: string; id: string } {
  const [kind, ...id] = offer.operator.split(':');
  return { kind, id: id.join(':') };
}

/** The stored tariff of an offer and year, with its warnings. */
export async function loadTariff(manager: EntityManager, offerId: string, year: number): Promise<TariffView> {
  const [row] = await manager.query('SELECT computation FROM tariffs WHERE offer_id = $1 AND year = $2', [offerId, year]);
  if (!row) throw new RuleViolation('year', 'tariff-exists', `no ${year} tariff for offer ${offerId}`, 404);
  return withWarnings(manager, row.computation);
}
