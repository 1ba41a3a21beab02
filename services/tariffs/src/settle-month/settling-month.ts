import { Injectable } from '@nestjs/common';
import { actsForMunicipality, type Principal } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, type EntityManager } from 'typeorm';
import { formatKroner, kroner, type Oere } from '../domain/money';
import { heldReason, noTariffReason } from '../domain/package-decisions';
import { invoiceDateFor, monthDays, settleMonth, type HeldPlacementMonth, type PlacementPeriod, type RateOn, type Statement, type UnitDelivery, type UnitPriceOn } from '../domain/settlement';
import { isoDate, mayRead, viewOf, type StatementView } from '../read-statements/statement-view';

interface PlacementRow {
  placement_id: string; offer_id: string; paying_municipality: string; acting_municipality: string; start_date: string; end_date: string | null;
  packages: PlacementPeriod['packages']; operator: string; special_measures: { description: string; perDay: string; from: string; to: string | null }[];
}

function placementsOf(manager: EntityManager, where: string, params: unknown[]): Promise<PlacementRow[]> {
  return manager.query(
    `SELECT p.placement_id, p.offer_id, p.paying_municipality, p.acting_municipality, to_char(p.start_date, 'YYYY-MM-DD') AS start_date, p.special_measures,
            to_char(p.end_date, 'YYYY-MM-DD') AS end_date, p.packages, o.operator
     FROM tariff_placements p JOIN tariff_offers o ON o.offer_id = p.offer_id ${where}`, params);
}

function toPeriod(r: PlacementRow): PlacementPeriod & { operator: string } {
  return {
    placementId: r.placement_id, offerId: r.offer_id, payingMunicipality: r.paying_municipality, startDate: r.start_date, endDate: r.end_date,
    packages: r.packages, operator: r.operator, specialMeasures: r.special_measures.map((m) => ({ ...m, perDay: BigInt(m.perDay) })),
  };
}

/**
 * The rate of each day from the published tariffs; `null` when the offer has no published tariff
 * for the day's year, or the tariff in force lacks the package. Such a placement month is held
 * back (never billed at 0, never at the base rate in the package's place) until there is a rate.
 */
async function rateLookup(manager: EntityManager, offerIds: string[]): Promise<RateOn> {
  const tariffs: { offer_id: string; year: number; computation: { rates: Record<string, string> } }[] =
    await manager.query(`SELECT offer_id, year, computation FROM tariffs WHERE status = 'published' AND offer_id = ANY($1::uuid[])`, [[...new Set(offerIds)]]);
  const rates = new Map(tariffs.map((t) => [`${t.offer_id}|${t.year}`, t.computation.rates]));
  return (offerId, date, pkg): Oere | null => {
    const rate = rates.get(`${offerId}|${date.slice(0, 4)}`)?.[pkg];
    return rate === undefined ? null : kroner(rate);
  };
}

/**
 * The delivered units not yet billed, delivered by the month's last day, of the given (operator,
 * paying municipality) pairs; locked, so two closes cannot bill a delivery twice.
 */
async function unbilledDeliveries(manager: EntityManager, monthEnd: string, operators: string[], payers: string[]): Promise<UnitDelivery[]> {
  const rows: { delivery_id: string; booking_id: string; offer_id: string; paying_municipality: string; operator: string; delivered_on: string; units: number }[] = await manager.query(
    `SELECT d.delivery_id, d.booking_id, d.offer_id, d.paying_municipality, o.operator, to_char(d.delivered_on, 'YYYY-MM-DD') AS delivered_on, d.units
     FROM unit_deliveries d JOIN tariff_offers o ON o.offer_id = d.offer_id
     WHERE d.statement_id IS NULL AND d.delivered_on <= $1::date AND (o.operator, d.paying_municipality) IN (SELECT * FROM unnest($2::text[], $3::text[]))
     ORDER BY d.delivered_on, d.delivery_id FOR UPDATE OF d`, [monthEnd, operators, payers]);
  return rows.map((r) => ({
    deliveryId: r.delivery_id, bookingId: r.booking_id, offerId: r.offer_id, payingMunicipality: r.paying_municipality, operator: r.operator, deliveredOn: r.delivered_on, units: r.units,
  }));
}

/** The unit price of each offer's published tariff by year; null where none is published. */
async function unitPriceLookup(manager: EntityManager, offerIds: string[]): Promise<UnitPriceOn> {
  if (!offerIds.length) return () => null;
  const tariffs: { offer_id: string; year: number; unit_price: string | null }[] = await manager.query(
    `SELECT offer_id, year, computation ->> 'unitPrice' AS unit_price FROM tariffs WHERE status = 'published' AND offer_id = ANY($1::uuid[])`, [[...new Set(offerIds)]]);
  const prices = new Map(tariffs.filter((t) => t.unit_price).map((t) => [`${t.offer_id}|${t.year}`, kroner(t.unit_price!)]));
  return (offerId, date) => prices.get(`${offerId}|${date.slice(0, 4)}`) ?? null;
}

interface HeldRow {
  placement_id: string; month: string; offer_id: string; operator: string; paying_municipality: string; acting_municipality: string;
  package_code: string; tariff_year: number; first_day: Date; last_day: Date; days: number; status: 'held' | 'billed'; statement_id: string | null;
  /** Whether the offer has a published tariff for tariff_year (then only the package is missing). */
  tariff_published: boolean;
}

export interface HeldMonthView {
  placementId: string; month: string; offerId: string; operator: string; payingMunicipality: string; actingMunicipality: string;
  packageCode: string; tariffYear: number; from: string; to: string; days: number; status: 'held' | 'billed'; statementId: string | null; reason: string;
}

function heldView(r: HeldRow): HeldMonthView {
  const h = { packageCode: r.package_code, tariffYear: r.tariff_year, from: isoDate(r.first_day), to: isoDate(r.last_day), days: r.days };
  return {
    placementId: r.placement_id, month: r.month, offerId: r.offer_id, operator: r.operator, payingMunicipality: r.paying_municipality,
    actingMunicipality: r.acting_municipality, ...h, status: r.status, statementId: r.statement_id, reason: r.tariff_published ? heldReason(h) : noTariffReason(h),
  };
}

/** A held month concerns whoever reads its statement (the operator, the paying municipality) and the acting municipality, which decides. */
function mayReadHeld(principal: Principal, r: HeldRow): boolean {
  return mayRead(principal, { payingMunicipality: r.paying_municipality, operator: r.operator }) || actsForMunicipality(principal, r.acting_municipality);
}

/** How many (operator, paying municipality) pairs the month close settles at a time (`SETTLEMENT_PAIRS_PER_SLICE`, default 500). */
function pairsPerSlice(env: NodeJS.ProcessEnv = process.env): number {
  const n = Number(env.SETTLEMENT_PAIRS_PER_SLICE ?? 500);
  return Number.isInteger(n) && n > 0 ? n : 500;
}

/** What a month close did: the statements themselves are read at `GET /settlements?month=`. */
export interface MonthClosed {
  month: string; invoiceDate: string;
  /** Statements issued for the month, their lines and their sum in kroner. */
  statements: number; lines: number; total: string;
  /** Placement months held back for a package decision. */
  heldBack: number;
  /** Supplementary statements for months held back earlier and decided since. */
  supplementaryStatements: number;
  /** Deliveries of single services billed, and those left for a later close for want of a published unit price. */
  deliveriesBilled: number;
  deliveriesWithoutUnitPrice: number;
}

/**
 * Use case: afregning. Operations closes a month: one statement per paying municipality and operator;
 * placement months held back for a package decision, and billed on supplementary statements once decided.
 */
@Injectable()
export class SettlingMonth {
  constructor(private readonly outbox: TransactionalOutbox, private readonly dataSource: DataSource) {}

  /**
   * Month close: one statement per paying municipality and operator. A placement month whose package
   * has no rate in the tariff in force is held back (listed at `GET /package-decisions`) and billed
   * later on a supplementary statement; months held back earlier and since decided are billed now.
   *
   * Streamed: the placements running in the month are settled a slice of (operator, paying
   * municipality) pairs at a time, each slice written with its events before the next is read, so
   * memory stays bounded however many placements the country has. All in one transaction: a month
   * is closed whole or not at all. The answer is a summary; the statements are read at `GET /settlements`.
   */
  closeMonth(month: string, givenInvoiceDate: string | undefined, cause: EventCause): Promise<MonthClosed> {
    const invoiceDate = invoiceDateFor(month, givenInvoiceDate);
    return this.outbox.run(async (manager) => {
      const closing = await manager.query('INSERT INTO closed_months (month, invoice_date) VALUES ($1, $2) ON CONFLICT (month) DO NOTHING RETURNING month', [month, invoiceDate]);
      if (!closing.length) throw new RuleViolation('month', 'closed-once', `${month} is already closed`, 409);
      const running = `p.start_date <= ($1::date + interval '1 month' - interval '1 day') AND (p.end_date IS NULL OR p.end_date >= $1::date)`;
      const monthEnd = monthDays(month).at(-1)!;
      // Delivered units not yet billed count from any earlier month too: a delivery recorded after
      // its month closed, or waiting for its unit price, goes on the next close.
      const pairs: { operator: string; paying_municipality: string }[] = await manager.query(
        `SELECT o.operator, p.paying_municipality FROM tariff_placements p JOIN tariff_offers o ON o.offer_id = p.offer_id WHERE ${running}
         UNION
         SELECT o.operator, d.paying_municipality FROM unit_deliveries d JOIN tariff_offers o ON o.offer_id = d.offer_id WHERE d.statement_id IS NULL AND d.delivered_on <= $2::date
         ORDER BY 1, 2`, [`${month}-01`, monthEnd]);
      let [statementCount, lineCount, heldBack, total, deliveriesBilled, deliveriesWithoutUnitPrice] = [0, 0, 0, 0n, 0, 0];
      const perSlice = pairsPerSlice();
      for (let i = 0; i < pairs.length; i += perSlice) {
        const slice = pairs.slice(i, i + perSlice);
        const rows = await placementsOf(manager, `WHERE ${running} AND (o.operator, p.paying_municipality) IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
          [`${month}-01`, slice.map((s) => s.operator), slice.map((s) => s.paying_municipality)]);
        const deliveries = await unbilledDeliveries(manager, monthEnd, slice.map((s) => s.operator), slice.map((s) => s.paying_municipality));
        const { statements, held, unpriced } = settleMonth(rows.map(toPeriod), month, await rateLookup(manager, rows.map((r) => r.offer_id)), invoiceDate, 30, {
          deliveries, unitPriceOn: await unitPriceLookup(manager, deliveries.map((d) => d.offerId)),
        });
        await this.holdBack(manager, held, rows);
        const issued = await this.issue(manager, statements, cause);
        await this.outbox.append(manager, issued.events);
        deliveriesBilled += await markBilled(manager, statements, issued.views);
        deliveriesWithoutUnitPrice += unpriced.length;
        statementCount += statements.length;
        heldBack += held.length;
        for (const st of statements) {
          lineCount += st.lines.length;
          total += st.total;
        }
      }
      const decided = await this.billDecided(manager, invoiceDate, cause);
      const closed: MonthClosed = {
        month, invoiceDate, statements: statementCount, lines: lineCount, total: formatKroner(total), heldBack, supplementaryStatements: decided.views.length,
        deliveriesBilled, deliveriesWithoutUnitPrice,
      };
      return { result: closed, events: decided.events };
    });
  }

  /** Operations bills the placement months held back whose package has since been decided. */
  billDecidedMonths(givenInvoiceDate: string | undefined, cause: EventCause): Promise<StatementView[]> {
    const invoiceDate = givenInvoiceDate ?? new Date().toISOString().slice(0, 10);
    return this.outbox.run(async (manager) => {
      const decided = await this.billDecided(manager, invoiceDate, cause);
      return { result: decided.views, events: decided.events };
    });
  }

  /** Placement months held back for a package decision that the caller may see (operator, acting or paying municipality). */
  async heldMonths(principal: Principal, status: 'held' | 'billed' | undefined): Promise<HeldMonthView[]> {
    const rows: HeldRow[] = await this.dataSource.query(
      `SELECT h.*, EXISTS (SELECT 1 FROM tariffs t WHERE t.offer_id = h.offer_id AND t.year = h.tariff_year AND t.status = 'published') AS tariff_published
       FROM held_placement_months h WHERE ($1::text IS NULL OR h.status = $1) ORDER BY h.month, h.placement_id`, [status ?? null]);
    return rows.filter((r) => mayReadHeld(principal, r)).map(heldView);
  }

  private async holdBack(manager: EntityManager, held: HeldPlacementMonth[], rows: PlacementRow[]): Promise<void> {
    if (!held.length) return;
    const byId = new Map(rows.map((r) => [r.placement_id, r]));
    const values = held.map((h) => {
      const r = byId.get(h.placementId)!;
      return [h.placementId, h.month, h.offerId, r.operator, h.payingMunicipality, r.acting_municipality, h.packageCode, h.tariffYear, h.from, h.to, h.days];
    });
    await manager.query(
      `INSERT INTO held_placement_months (placement_id, month, offer_id, operator, paying_municipality, acting_municipality, package_code, tariff_year, first_day, last_day, days)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::int[], $9::date[], $10::date[], $11::int[])`,
      columnsOf(values, 11));
  }

  /** Settles again each held month; those now priced go on one supplementary statement per payer, operator and month. */
  private async billDecided(manager: EntityManager, invoiceDate: string, cause: EventCause): Promise<{ views: StatementView[]; events: ReturnType<typeof createEvent>[] }> {
    const open: HeldRow[] = await manager.query(`SELECT * FROM held_placement_months WHERE status = 'held' ORDER BY month, placement_id FOR UPDATE`);
    if (!open.length) return { views: [], events: [] };
    const rows = await placementsOf(manager, 'WHERE p.placement_id = ANY($1::uuid[])', [open.map((h) => h.placement_id)]);
    const rateOn = await rateLookup(manager, rows.map((r) => r.offer_id));
    const statements: Statement[] = [];
    const billed: HeldRow[][] = [];
    for (const month of [...new Set(open.map((h) => h.month))]) {
      const ids = new Set(open.filter((h) => h.month === month).map((h) => h.placement_id));
      const settled = settleMonth(rows.filter((r) => ids.has(r.placement_id)).map(toPeriod), month, rateOn, invoiceDate);
      for (const s of settled.statements) {
        statements.push(s);
        billed.push(open.filter((h) => h.month === month && s.lines.some((l) => l.placementId === h.placement_id)));
      }
    }
    const issued = await this.issue(manager, statements, cause, true);
    for (const [i, view] of issued.views.entries()) {
      for (const h of billed[i]) {
        await manager.query(`UPDATE held_placement_months SET status = 'billed', statement_id = $3, billed_at = now() WHERE placement_id = $1 AND month = $2`, [h.placement_id, h.month, view.id]);
      }
    }
    return issued;
  }

  /** Writes statements (a supplementary one numbered after those of its payer, operator and month) and their events. */
  private async issue(manager: EntityManager, statements: Statement[], cause: EventCause, supplementary = false): Promise<{ views: StatementView[]; events: ReturnType<typeof createEvent>[] }> {
    const views: StatementView[] = [];
    const values: unknown[][] = [];
    for (const s of statements) {
      const [{ supplement }] = supplementary ? await manager.query(
        'SELECT (COALESCE(max(supplement), 0) + 1)::int AS supplement FROM statements WHERE month = $1 AND paying_municipality = $2 AND operator = $3',
        [s.month, s.payingMunicipality, s.operator]) : [{ supplement: 0 }];
      const v = viewOf(randomUUID(), s, supplement);
      views.push(v);
      values.push([v.id, s.month, v.payingMunicipality, v.operator, v.invoiceDate, v.dueDate, JSON.stringify(v.lines), s.total.toString(), v.lateClaimLines, supplement]);
    }
    if (values.length) {
      await manager.query(
        `INSERT INTO statements (id, month, paying_municipality, operator, invoice_date, due_date, lines, total_oere, late_claim_lines, supplement)
         SELECT id, month, paying, operator, invoice_date, due_date, lines::jsonb, total, late, supplement
         FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::bigint[], $9::int[], $10::int[])
           AS s(id, month, paying, operator, invoice_date, due_date, lines, total, late, supplement)`,
        columnsOf(values, 10));
    }
    const events = views.map((v) => createEvent('tariffs', {
      type: 'SettlementIssued', aggregateId: v.id, aggregateVersion: 1,
      payload: { statementId: v.id, month: v.month, payingMunicipality: v.payingMunicipality, operator: v.operator, total: v.total, lines: v.lines.length, dueDate: v.dueDate, lateClaimLines: v.lateClaimLines },
    }, cause));
    return { views, events };
  }
}

/** Each billed delivery gets the id of the statement its line is on, so no later close bills it again. */
async function markBilled(manager: EntityManager, statements: Statement[], views: StatementView[]): Promise<number> {
  const deliveries: string[] = [];
  const statementIds: string[] = [];
  statements.forEach((s, i) => s.lines.forEach((l) => {
    if (l.deliveryId) {
      deliveries.push(l.deliveryId);
      statementIds.push(views[i].id);
    }
  }));
  if (deliveries.length) {
    await manager.query(
      'UPDATE unit_deliveries d SET statement_id = b.statement_id FROM unnest($1::uuid[], $2::uuid[]) AS b(delivery_id, statement_id) WHERE d.delivery_id = b.delivery_id',
      [deliveries, statementIds]);
  }
  return deliveries.length;
}

/** Rows as one array per column: the parameters of a multi-row `INSERT … SELECT * FROM unnest(…)`. */
function columnsOf(rows: unknown[][], columns: number): unknown[][] {
  return Array.from({ length: columns }, (_, c) => rows.map((row) => row[c]));
}
