import { Injectable } from '@nestjs/common';
import { Workbook } from 'exceljs';
import type { Principal } from '@tilbudsnet/auth';
import { RuleViolation } from '@tilbudsnet/contracts';
import { safeSpreadsheetText } from '@tilbudsnet/platform';
import { DataSource } from 'typeorm';
import { STATEMENT_COLUMNS, statementRows, statementTitle } from './statement-export';
import { mayRead, toView, type StatementView } from './statement-view';

/** Columns of the amounts (1-based, as Excel counts): day rate and amount. */
const RATE_COLUMN = STATEMENT_COLUMNS.indexOf('døgntakst') + 1;
const AMOUNT_COLUMN = STATEMENT_COLUMNS.indexOf('beløb') + 1;

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
    const text = (v: string | number) => (typeof v === 'number' ? String(v) : safeSpreadsheetText(v).replace(/[;\r\n]/g, ' '));
    const decimal = (row: (string | number)[]) => row.map((v, i) => (i === RATE_COLUMN - 1 || i === AMOUNT_COLUMN - 1 ? String(v).replace('.', ',') : text(v)));
    const total = STATEMENT_COLUMNS.map((_, i) => (i === 0 ? 'I alt' : i === AMOUNT_COLUMN - 1 ? s.total.replace('.', ',') : ''));
    return [`# ${statementTitle(s, await this.operatorName(s.operator))}`, STATEMENT_COLUMNS.join(';'), ...statementRows(s).map((row) => decimal(row).join(';')), total.join(';')].join('\n') + '\n';
  }

  /** The statement as an Excel workbook: one row per line, amounts as numbers with two decimals. */
  async xlsx(id: string, principal: Principal): Promise<Buffer> {
    const s = await this.readable(id, principal);
    const workbook = new Workbook();
    const sheet = workbook.addWorksheet(`Afregning ${s.month}`);
    sheet.addRow([statementTitle(s, await this.operatorName(s.operator))].map((v) => safeSpreadsheetText(v)));
    sheet.addRow(STATEMENT_COLUMNS);
    for (const row of statementRows(s)) {
      // An empty text (no units on a line of stay) is an empty cell, not a cell holding "".
      sheet.addRow(row.map((v, i) => (i === RATE_COLUMN - 1 || i === AMOUNT_COLUMN - 1 ? Number(v) : v === '' ? null : typeof v === 'string' ? safeSpreadsheetText(v) : v)));
    }
    sheet.addRow(STATEMENT_COLUMNS.map((_, i) => (i === 0 ? 'I alt' : i === AMOUNT_COLUMN - 1 ? Number(s.total) : '')));
    sheet.getColumn(RATE_COLUMN).numFmt = '#,##0.00';
    sheet.getColumn(AMOUNT_COLUMN).numFmt = '#,##0.00';
    return Buffer.from(await workbook.xlsx.writeBuffer());
  }

  /** The operator's name as its offers last told tariffs; null for an operator of no known offer. */
  private async operatorName(operator: string): Promise<string | null> {
    const [row] = await this.dataSource.query('SELECT operator_name FROM tariff_offers WHERE operator = $1 AND operator_name IS NOT NULL ORDER BY version DESC LIMIT 1', [operator]);
    return row?.operator_name ?? null;
  }

  private async readable(id: string, principal: Principal): Promise<StatementView> {
    const [row] = await this.dataSource.query('SELECT * FROM statements WHERE id = $1', [id]);
    if (!row) throw new RuleViolation('id', 'statement-exists', `no statement ${id}`, 404);
    const s = toView(row);
    if (!mayRead(principal, s)) throw new RuleViolation('id', 'own-statement-only', 'a statement is read by its paying municipality and its operator', 403);
    return s;
  }

}
