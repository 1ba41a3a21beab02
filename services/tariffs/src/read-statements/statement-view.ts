import type { Principal } from '@tilbudsnet/auth';
import { formatKroner } from '../domain/money';
import type { Statement } from '../domain/settlement';

export interface StatementView {
  id: string;
  month: string;
  payingMunicipality: string;
  operator: string;
  invoiceDate: string;
  dueDate: string;
  total: string;
  lateClaimLines: number;
  /** 0: the month's statement; 1, 2, …: supplementary statements for placement months held back and decided later. */
  supplement: number;
  lines: { placementId: string; kind: string; from: string; to: string; days: number; packageCode: string; dayRate: string; amount: string; lateClaim: boolean; units?: number; deliveryId?: string }[];
}

export function viewOf(id: string, s: Statement, supplement: number): StatementView {
  return {
    id, month: s.month, supplement, payingMunicipality: s.payingMunicipality, operator: s.operator, invoiceDate: s.invoiceDate, dueDate: s.dueDate,
    total: formatKroner(s.total), lateClaimLines: s.lines.filter((l) => l.lateClaim).length,
    lines: s.lines.map((l) => ({ ...l, dayRate: formatKroner(l.dayRate), amount: formatKroner(l.amount) })),
  };
}

/** Who may read a statement: the paying municipality's officers, the operator's managers, operations. */
export function mayRead(principal: Principal, s: { payingMunicipality: string; operator: string }): boolean {
  const o = principal.organisation;
  if (principal.role === 'admin') return true;
  if (principal.role === 'visitation-officer' && o.kind === 'municipality') return o.code === s.payingMunicipality;
  if (principal.role === 'offer-manager' && o.kind === 'operator') return `${o.operatorKind}:${o.id}` === s.operator;
  return false;
}

export function isoDate(d: Date | string): string {
  return typeof d === 'string' ? d : new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 10);
}

export function toView(row: { id: string; month: string; paying_municipality: string; operator: string; invoice_date: Date | string; due_date: Date | string; lines: StatementView['lines']; total_oere: string; late_claim_lines: number; supplement?: number }): StatementView {
  return {
    id: row.id, month: row.month, payingMunicipality: row.paying_municipality, operator: row.operator, invoiceDate: isoDate(row.invoice_date), dueDate: isoDate(row.due_date),
    total: formatKroner(BigInt(row.total_oere)), lateClaimLines: row.late_claim_lines, lines: row.lines, supplement: row.supplement ?? 0,
  };
}
