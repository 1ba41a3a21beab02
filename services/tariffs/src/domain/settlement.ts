import { RuleViolation } from '@tilbudsnet/contracts';
import type { Oere } from './money';

/** What tariffs knows of one placement, from visitation's events (no personal data). */
export interface PlacementPeriod {
  placementId: string;
  offerId: string;
  payingMunicipality: string;
  startDate: string;
  /** Last day paid (move-out); null while it lasts. */
  endDate: string | null;
  /** The package from each date on; the first is in force from the start. */
  packages: { effectiveDate: string; packageCode: string }[];
  /** Særforanstaltninger: an individual add-on price per day for this placement. */
  specialMeasures?: { from: string; to: string | null; perDay: Oere; description: string }[];
}

/**
 * The day rate of an offer's package on a date: the tariff in force that day. `null` when that
 * tariff has no rate for the package (a new year's tariff dropped it): such a day is never billed
 * at some other rate without a word; see `settlePlacement`.
 */
export type RateOn = (offerId: string, date: string, packageCode: string) => Oere | null;

/**
 * A placement month held back from billing: on some of its days the placement's package has no
 * rate in the tariff in force. It waits for a package decision (the acting municipality changes the
 * package, or the operator publishes a tariff with it) and is then billed on a statement of its own.
 */
export interface HeldPlacementMonth {
  placementId: string;
  offerId: string;
  payingMunicipality: string;
  month: string;
  packageCode: string;
  /** The tariff year that lacks the package. */
  tariffYear: number;
  /** The first and last day without a rate, and how many days. */
  from: string;
  to: string;
  days: number;
}

export interface StatementLine {
  /** The placement, or for delivered units of a single service the booking. */
  placementId: string;
  kind: 'stay' | 'special-measure' | 'units';
  from: string;
  to: string;
  days: number;
  packageCode: string;
  dayRate: Oere;
  amount: Oere;
  /** Help given more than 12 months before the invoice: the claim may be too late (SEL §174, stk. 2). */
  lateClaim: boolean;
  /** Units delivered (kind `units`): `dayRate` is then the unit price and `days` 0. */
  units?: number;
  /** The delivery a `units` line bills (each delivery is billed once). */
  deliveryId?: string;
}

/** Units of a single service (enkeltydelse) delivered on a day, as the operator recorded them. */
export interface UnitDelivery {
  deliveryId: string;
  bookingId: string;
  offerId: string;
  payingMunicipality: string;
  operator: string;
  deliveredOn: string;
  units: number;
}

/** The unit price of an offer's tariff in force on a date; null when none is published. */
export type UnitPriceOn = (offerId: string, date: string) => Oere | null;

/**
 * The lines for delivered units: price × units, at the unit price of the tariff in force on the day
 * of delivery. A delivery without a published unit price is not billed (never at 0): it is returned
 * as `unpriced` and billed by the first month close after its price is published.
 */
export function settleDeliveries(deliveries: readonly UnitDelivery[], unitPriceOn: UnitPriceOn, invoiceDate: string): { lines: (StatementLine & { payingMunicipality: string; operator: string })[]; unpriced: UnitDelivery[] } {
  const late = twelveMonthsBefore(invoiceDate);
  const lines: (StatementLine & { payingMunicipality: string; operator: string })[] = [];
  const unpriced: UnitDelivery[] = [];
  for (const d of deliveries) {
    const price = unitPriceOn(d.offerId, d.deliveredOn);
    if (price === null) {
      unpriced.push(d);
      continue;
    }
    lines.push({
      placementId: d.bookingId, kind: 'units', from: d.deliveredOn, to: d.deliveredOn, days: 0, packageCode: 'units', dayRate: price,
      amount: price * BigInt(d.units), lateClaim: d.deliveredOn < late, units: d.units, deliveryId: d.deliveryId,
      payingMunicipality: d.payingMunicipality, operator: d.operator,
    });
  }
  return { lines, unpriced };
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export function monthDays(month: string): string[] {
  const [y, m] = month.split('-').map(Number);
  const count = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: count }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
}

function twelveMonthsBefore(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y - 1}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** The days of `month` the placement was in the offer, each with its package. */
export function billableDays(p: PlacementPeriod, month: string): { date: string; packageCode: string }[] {
  const packages = [...p.packages].sort((a, b) => a.effectiveDate.localeCompare(b.effectiveDate));
  return monthDays(month)
    .filter((d) => d >= p.startDate && (p.endDate === null || d <= p.endDate))
    .map((date) => ({ date, packageCode: [...packages].reverse().find((c) => c.effectiveDate <= date)?.packageCode ?? packages[0]?.packageCode ?? 'base' }));
}

/**
 * Afregning of one placement for one month: a line for each run of days at one rate, split where
 * the package, the tariff or the year changes; special measures on lines of their own. When a day's
 * package has no rate in the tariff in force, the whole month of the placement is held back (no
 * lines) and described in `held`, so that no line is billed at a rate nobody agreed to.
 */
export function settlePlacement(p: PlacementPeriod, month: string, rateOn: RateOn, invoiceDate: string): { lines: StatementLine[]; held: HeldPlacementMonth | null } {
  const late = twelveMonthsBefore(invoiceDate);
  const lines: StatementLine[] = [];
  const unpriced: { date: string; packageCode: string }[] = [];
  for (const day of billableDays(p, month)) {
    const rate = rateOn(p.offerId, day.date, day.packageCode);
    if (rate === null) {
      unpriced.push(day);
      continue;
    }
    const last = lines[lines.length - 1];
    if (last && last.kind === 'stay' && last.packageCode === day.packageCode && last.dayRate === rate && addDays(last.to, 1) === day.date && last.to.slice(0, 4) === day.date.slice(0, 4)) {
      last.to = day.date;
      last.days++;
      last.amount += rate;
    } else {
      lines.push({ placementId: p.placementId, kind: 'stay', from: day.date, to: day.date, days: 1, packageCode: day.packageCode, dayRate: rate, amount: rate, lateClaim: false });
    }
  }
  if (unpriced.length) {
    const first = unpriced[0];
    return {
      lines: [],
      held: {
        placementId: p.placementId, offerId: p.offerId, payingMunicipality: p.payingMunicipality, month, packageCode: first.packageCode,
        tariffYear: Number(first.date.slice(0, 4)), from: first.date, to: unpriced[unpriced.length - 1].date, days: unpriced.length,
      },
    };
  }
  for (const m of p.specialMeasures ?? []) {
    const days = billableDays(p, month).filter((d) => d.date >= m.from && (m.to === null || d.date <= m.to));
    if (!days.length) continue;
    lines.push({
      placementId: p.placementId, kind: 'special-measure', from: days[0].date, to: days[days.length - 1].date, days: days.length,
      packageCode: m.description, dayRate: m.perDay, amount: m.perDay * BigInt(days.length), lateClaim: false,
    });
  }
  for (const line of lines) line.lateClaim = line.to < late;
  return { lines, held: null };
}

export interface Statement {
  payingMunicipality: string;
  operator: string;
  month: string;
  invoiceDate: string;
  /** At most 30 days after the invoice. */
  dueDate: string;
  lines: StatementLine[];
  total: Oere;
}

/**
 * One statement per paying municipality and operator for the month, and the placement months held
 * back for a package decision.
 */
export function settleMonth(
  placements: (PlacementPeriod & { operator: string })[], month: string, rateOn: RateOn, invoiceDate: string, paymentDays = 30,
  units: { deliveries: readonly UnitDelivery[]; unitPriceOn: UnitPriceOn } = { deliveries: [], unitPriceOn: () => null },
): { statements: Statement[]; held: HeldPlacementMonth[]; unpriced: UnitDelivery[] } {
  const byKey = new Map<string, Statement>();
  const held: HeldPlacementMonth[] = [];
  const add = (payingMunicipality: string, operator: string, lines: StatementLine[]) => {
    const key = `${payingMunicipality}|${operator}`;
    const statement = byKey.get(key) ?? {
      payingMunicipality, operator, month, invoiceDate, dueDate: addDays(invoiceDate, Math.min(30, paymentDays)), lines: [], total: 0n,
    };
    statement.lines.push(...lines);
    statement.total = statement.lines.reduce((sum, l) => sum + l.amount, 0n);
    byKey.set(key, statement);
  };
  for (const p of placements) {
    const settled = settlePlacement(p, month, rateOn, invoiceDate);
    if (settled.held) held.push(settled.held);
    if (settled.lines.length) add(p.payingMunicipality, p.operator, settled.lines);
  }
  const delivered = settleDeliveries(units.deliveries, units.unitPriceOn, invoiceDate);
  for (const { payingMunicipality, operator, ...line } of delivered.lines) add(payingMunicipality, operator, [line]);
  const statements = [...byKey.values()].sort((a, b) => `${a.payingMunicipality}${a.operator}`.localeCompare(`${b.payingMunicipality}${b.operator}`));
  return { statements, held, unpriced: delivered.unpriced };
}

/** The invoice date of a month's statements: as given, else the 1st of the next month; never before the month. */
export function invoiceDateFor(month: string, given?: string): string {
  const [y, m] = month.split('-').map(Number);
  const date = given ?? new Date(Date.UTC(y, m, 1)).toISOString().slice(0, 10);
  if (date < `${month}-01`) throw new RuleViolation('invoiceDate', 'not-before-month', 'invoiceDate must not be before the month it settles');
  return date;
}
