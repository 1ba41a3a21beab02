import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { PlacementState, PlacementStatus } from './domain/placement';

/** Row of `placements`; doubles as the saga's state. No citizen identity: that stays in `cases`. */
@Entity({ name: 'placements' })
export class PlacementRecord implements PlacementState {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ name: 'acting_municipality', type: 'varchar', length: 4 }) actingMunicipality: string;
  @Column({ name: 'paying_municipality', type: 'varchar', length: 4 }) payingMunicipality: string;
  @Column({ type: 'text' }) paragraph: string;
  @Column({ name: 'target_group', type: 'text' }) targetGroup: string;
  @Column({ name: 'start_date', type: 'date' }) startDate: string;
  @Column({ name: 'package_code', type: 'text' }) packageCode: string;
  @Column({ type: 'text' }) status: PlacementStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ name: 'reservation_expires_at', type: 'timestamptz', nullable: true }) reservationExpiresAt: Date | null;
  @Column({ name: 'review_date', type: 'date', nullable: true }) reviewDate: string | null;
  @Column({ name: 'notice_given_on', type: 'date', nullable: true }) noticeGivenOn: string | null;
  @Column({ name: 'end_date', type: 'date', nullable: true }) endDate: string | null;
  @Column({ name: 'needs_replacement_from', type: 'date', nullable: true }) needsReplacementFrom: string | null;
  @Column({ type: 'int' }) version: number;
}
