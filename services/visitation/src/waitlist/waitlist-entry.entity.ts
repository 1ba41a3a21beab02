import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Venteliste: a case waiting for a place of a kind (target group, paragraph, region). */
/** A case's place in the waiting list: waiting, matched with a vacant place, placed, or withdrawn. */
export const WAITLIST_STATUSES = ['waiting', 'matched', 'placed', 'withdrawn'] as const;
export type WaitlistStatus = (typeof WAITLIST_STATUSES)[number];

@Entity({ name: 'waitlist_entries' })
export class WaitlistEntryRecord {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'acting_municipality', type: 'varchar', length: 4 }) actingMunicipality: string;
  @Column({ name: 'target_group', type: 'text' }) targetGroup: string;
  @Column({ type: 'text' }) paragraph: string;
  @Column({ name: 'region_code', type: 'varchar', length: 4 }) regionCode: string;
  @Column({ type: 'text' }) status: WaitlistStatus;
  @Column({ name: 'matched_offer_id', type: 'uuid', nullable: true }) matchedOfferId: string | null;
  @Column({ name: 'matched_at', type: 'timestamptz', nullable: true }) matchedAt: Date | null;
  @CreateDateColumn({ name: 'added_at', type: 'timestamptz' }) addedAt: Date;
  @Column({ type: 'int' }) version: number;
}
