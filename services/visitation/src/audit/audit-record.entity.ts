import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export const AUDIT_ACTIONS = [
  'open-case', 'read-case', 'find-case-by-cpr', 'request-placement', 'confirm-placement', 'cancel-placement', 'change-package', 'give-notice',
  'end-placement', 'set-goal', 'read-goals', 'book-units', 'cancel-booking',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** One access to a citizen's data: who, role, organisation, when, which case, what, why. No CPR. */
@Entity({ name: 'audit_records' })
export class AuditRecord {
  @PrimaryGeneratedColumn({ type: 'bigint' }) id: string;
  @Column({ type: 'timestamptz', default: () => 'now()' }) at: Date;
  @Column({ name: 'actor_sub', type: 'text' }) actorSub: string;
  @Column({ name: 'actor_name', type: 'text' }) actorName: string;
  @Column({ name: 'actor_role', type: 'text' }) actorRole: string;
  @Column({ type: 'text' }) organisation: string;
  /** The case's acting municipality: whose auditor reads this record. */
  @Column({ type: 'varchar', length: 4 }) municipality: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ type: 'text' }) action: AuditAction;
  @Column({ type: 'text' }) purpose: string;
}
