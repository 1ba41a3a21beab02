import { Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import type { Principal } from '@tilbudsnet/auth';
import { RuleViolation } from '@tilbudsnet/contracts';
import { safeSpreadsheetText } from '@tilbudsnet/platform';
import { DataSource } from 'typeorm';
import { mayRead, toView, type StatementView } from './statement-view';

const CSV_HEADER = 'placement;type;fra;til;dage;ydelsespakke;døgntakst;beløb;for sent (SEL §174 stk. 2)';

/** Use case: the paying municipality and the operator read their statements, as CSV and Excel too. */
@Injectable()
export class ReadingStatements {
  constructor(private readonly dataSource: DataSource) {}

  async list(month: string, principal: Principal): Promise<StatementView[]> {
    const rows = await this.dataSource.query('SELECT * FROM statements WHERE month = $1 ORDER BY paying_municipality, operator, supplement', [month]);
    return rows.map(toView).filter((s: StatementView) => mayRead(principal, s));
  }

  async csv(id: string, principal: Principal): Promise<string> {
    const s = await this.readable(id, principal);
    const text = (v: string) => safeSpreadsheetText(v).replace(/[;\r\n]/g, ' ');
    const lines = s.lines.map((l) => [l.placementId, l.kind, l.from, l.to, l.days, text(l.packageCode), l.dayRate.replace('.', ','), l.amount.replace('.', ','), l.lateClaim ? 'ja' : 'nej'].join(';'));
    return [`# ${s.supplement ? `Tillægsafregning ${s.supplement} for` : 'Afregning'} ${s.month}: betalingskommune ${s.payingMunicipality}, driftsherre ${s.operator}, fakturadato ${s.invoiceDate}, forfald ${s.dueDate}`, CSV_HEADER, ...lines, `I alt;;;;;;;${s.total.replace('.', ',')};`].join('\n') + '\n';
  }

  /** The statement as an Excel workbook: one row per line, amounts as numbers with two decimals. */
  async xlsx(id: string, principal: Principal): Promise<Buffer> {
    const s = await this.readable(id, principal);
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(`Afregning ${s.month}`);
    sheet.addRow([`Afregning ${s.month}`, `Betalingskommune ${s.payingMunicipality}`, `Driftsherre ${s.operator}`, `Fakturadato ${s.invoiceDate}`, `Forfald ${s.dueDate}`]);
    sheet.addRow(CSV_HEADER.split(';'));
    for (const l of s.lines) sheet.addRow([l.placementId, l.kind, l.from, l.to, l.days, safeSpreadsheetText(l.packageCode), Number(l.dayRate), Number(l.amount), l.lateClaim ? 'ja' : 'nej']);
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

}
