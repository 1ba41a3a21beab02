import { Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import type { Principal } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { formatKroner, kroner, type Oere } from '../domain/money';
import { invoiceDateFor, settleMonth, type PlacementPeriod, type RateOn, type Statement } from '../domain/settlement';

export interface StatementView {
  id: string;
  month: string;
  payingMunicipality: string;
  operator: string;
  invoiceDate: string;
  dueDate: string;
  total: string;
  lateClaimLines: number;
  lines: { placementId: string; kind: string; from: string; to: string; days: number; packageCode: string; dayRate: string; amount: string; lateClaim: boolean }[];
}

function viewOf(id: string, s: Statement): StatementView {
  return {
    id, month: s.month, payingMunicipality: s.payingMunicipality, operator: s.operator, invoiceDate: s.invoiceDate, dueDate: s.dueDate,
    total: formatKroner(s.total), lateClaimLines: s.lines.filter((l) => l.lateClaim).length,
    lines: s.lines.map((l) => ({ ...l, dayRate: formatKroner(l.dayRate), amount: formatKroner(l.amount) })),
  };
}

/** Who may read a statement: the paying municipality's officers, the operator's managers, operations. */
function mayRead(principal: Principal, s: { payingMunicipality: string; operator: string }): boolean {
  const o = principal.organisation;
  if (principal.role === 'admin') return true;
  if (principal.role === 'visitation-officer' && o.kind === 'municipality') return o.code === s.payingMunicipality;
  if (principal.role === 'offer-manager' && o.kind === 'operator') return `${o.operatorKind}:${o.id}` === s.operator;
  return false;
}

const CSV_HEADER = 'placement;type;fra;til;dage;ydelsespakke;døgntakst;beløb;for sent (SEL §174 stk. 2)';

/** Afregning: month close, statements per paying municipality and operator, CSV export. */
@Injectable()
export class SettlementsService {
  constructor(private readonly outbox: TransactionalOutbox, private readonly dataSource: DataSource) {}

  closeMonth(month: string, givenInvoiceDate: string | undefined, cause: EventCause): Promise<StatementView[]> {
    const invoiceDate = invoiceDateFor(month, givenInvoiceDate);
    return this.outbox.run(async (manager) => {
      const [{ closed }] = await manager.query('SELECT count(*)::int AS closed FROM statements WHERE month = $1', [month]);
      if (closed > 0) throw new RuleViolation('month', 'closed-once', `${month} is already closed`, 409);
      const first = `${month}-01`;
      const rows: {
        placement_id: string; offer_id: string; paying_municipality: string; start_date: string; end_date: string | null; packages: PlacementPeriod['packages']; operator: string;
        special_measures: { description: string; perDay: string; from: string; to: string | null }[];
      }[] =
        await manager.query(
          `SELECT p.placement_id, p.offer_id, p.paying_municipality, to_char(p.start_date, 'YYYY-MM-DD') AS start_date, p.special_measures,
                  to_char(p.end_date, 'YYYY-MM-DD') AS end_date, p.packages, o.operator
           FROM tariff_placements p JOIN tariff_offers o ON o.offer_id = p.offer_id
           WHERE p.start_date <= ($1::date + interval '1 month' - interval '1 day') AND (p.end_date IS NULL OR p.end_date >= $1::date)`, [first]);
      const tariffs: { offer_id: string; year: number; computation: { rates: Record<string, string> } }[] =
        await manager.query(`SELECT offer_id, year, computation FROM tariffs WHERE status = 'published' AND offer_id = ANY($1::uuid[])`, [rows.map((r) => r.offer_id)]);
      const rates = new Map(tariffs.map((t) => [`${t.offer_id}|${t.year}`, t.computation.rates]));
      // A day with no published tariff for its year is billed at 0 and stands out on the statement.
      const rateOn: RateOn = (offerId, date, pkg): Oere => {
        const r = rates.get(`${offerId}|${date.slice(0, 4)}`);
        return r ? kroner(r[pkg] ?? r.base) : 0n;
      };
      const statements = settleMonth(rows.map((r) => ({
        placementId: r.placement_id, offerId: r.offer_id, payingMunicipality: r.paying_municipality, startDate: r.start_date, endDate: r.end_date,
        packages: r.packages, operator: r.operator,
        specialMeasures: r.special_measures.map((m) => ({ ...m, perDay: BigInt(m.perDay) })),
      })), month, rateOn, invoiceDate);
      const views: StatementView[] = [];
      const events = [];
      for (const s of statements) {
        const v = viewOf(randomUUID(), s);
        await manager.query(
          `INSERT INTO statements (id, month, paying_municipality, operator, invoice_date, due_date, lines, total_oere, late_claim_lines) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
          [v.id, month, v.payingMunicipality, v.operator, v.invoiceDate, v.dueDate, JSON.stringify(v.lines), s.total.toString(), v.lateClaimLines],
        );
        views.push(v);
        events.push(createEvent('tariffs', {
          type: 'SettlementIssued', aggregateId: v.id, aggregateVersion: 1,
          payload: { statementId: v.id, month, payingMunicipality: v.payingMunicipality, operator: v.operator, total: v.total, lines: v.lines.length, dueDate: v.dueDate, lateClaimLines: v.lateClaimLines },
        }, cause));
      }
      return { result: views, events };
    });
  }

  async list(month: string, principal: Principal): Promise<StatementView[]> {
    const rows = await this.dataSource.query('SELECT * FROM statements WHERE month = $1 ORDER BY paying_municipality, operator', [month]);
    return rows.map(toView).filter((s: StatementView) => mayRead(principal, s));
  }

  async csv(id: string, principal: Principal): Promise<string> {
    const s = await this.readable(id, principal);
    const lines = s.lines.map((l) => [l.placementId, l.kind, l.from, l.to, l.days, l.packageCode, l.dayRate.replace('.', ','), l.amount.replace('.', ','), l.lateClaim ? 'ja' : 'nej'].join(';'));
    return [`# Afregning ${s.month}: betalingskommune ${s.payingMunicipality}, driftsherre ${s.operator}, fakturadato ${s.invoiceDate}, forfald ${s.dueDate}`, CSV_HEADER, ...lines, `I alt;;;;;;;${s.total.replace('.', ',')};`].join('\n') + '\n';
  }

  /** The statement as an Excel workbook: one row per line, amounts as numbers with two decimals. */
  async xlsx(id: string, principal: Principal): Promise<Buffer> {
    const s = await this.readable(id, principal);
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(`Afregning ${s.month}`);
    sheet.addRow([`Afregning ${s.month}`, `Betalingskommune ${s.payingMunicipality}`, `Driftsherre ${s.operator}`, `Fakturadato ${s.invoiceDate}`, `Forfald ${s.dueDate}`]);
    sheet.addRow(CSV_HEADER.split(';'));
    for (const l of s.lines) sheet.addRow([l.placementId, l.kind, l.from, l.to, l.days, l.packageCode, Number(l.dayRate), Number(l.amount), l.lateClaim ? 'ja' : 'nej']);
    sheet.addRow(['I alt', '', '', '', '', '', '', Number(s.total), '']);
    sheet.getColumn(7).numFmt = '#,##0.00';
    sheet.getColumn(8).numFmt = '#,##0.00';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  private async readable(id: string, principal: Principal): Promise<StatementView> {
    const [row] = await this.dataSource.query('SELECT * FROM statements WHERE id = $1', [id]);
    if (!row) throw new RuleViolation('id', 'statement-exists', `no statement ${id}`, 404);
    const s = toView(row);
    if (!mayRead(principal, s)) throw new RuleViolation('id', 'own-statement-only', 'a statement is read by its paying municipality and its operator', 403);
    return s;
  }

  /** Samhandel per region and year: buyers (paying municipalities) × sellers (operators) of the region's offers. */
  async trade(regionCode: string, year: number): Promise<{ buyer: string; seller: string; placements: number; days: number; amount: string }[]> {
    const rows: { paying_municipality: string; operator: string; lines: StatementView['lines'] }[] = await this.dataSource.query(
      `SELECT s.paying_municipality, s.operator, s.lines FROM statements s WHERE s.month LIKE $1`, [`${year}-%`]);
    const offerRegion = new Map<string, string>(
      (await this.dataSource.query(`SELECT p.placement_id, o.region_code FROM tariff_placements p JOIN tariff_offers o ON o.offer_id = p.offer_id`))
        .map((r: { placement_id: string; region_code: string }) => [r.placement_id, r.region_code]),
    );
    const cells = new Map<string, { buyer: string; seller: string; placements: Set<string>; days: number; amount: Oere }>();
    for (const row of rows) {
      for (const line of row.lines) {
        if (offerRegion.get(line.placementId) !== regionCode) continue;
        const key = `${row.paying_municipality}|${row.operator}`;
        const cell = cells.get(key) ?? { buyer: row.paying_municipality, seller: row.operator, placements: new Set<string>(), days: 0, amount: 0n };
        cell.placements.add(line.placementId);
        if (line.kind === 'stay') cell.days += line.days;
        cell.amount += kroner(line.amount);
        cells.set(key, cell);
      }
    }
    return [...cells.values()].map((c) => ({ buyer: c.buyer, seller: c.seller, placements: c.placements.size, days: c.days, amount: formatKroner(c.amount) }));
  }
}

function toView(row: { id: string; month: string; paying_municipality: string; operator: string; invoice_date: Date | string; due_date: Date | string; lines: StatementView['lines']; total_oere: string; late_claim_lines: number }): StatementView {
  const date = (d: Date | string) => (typeof d === 'string' ? d : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10));
  return {
    id: row.id, month: row.month, payingMunicipality: row.paying_municipality, operator: row.operator, invoiceDate: date(row.invoice_date), dueDate: date(row.due_date),
    total: formatKroner(BigInt(row.total_oere)), lateClaimLines: row.late_claim_lines, lines: row.lines,
  };
}
