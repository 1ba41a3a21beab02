import { Column, Entity, PrimaryColumn } from 'typeorm';
import type { BookingState, BookingStatus } from './domain/booking';

/** Row of `bookings`; doubles as the saga's state. No citizen identity: that stays in `cases`. */
@Entity({ name: 'bookings' })
export class BookingRecord implements BookingState {
  @PrimaryColumn('uuid') id: string;
  @Column({ name: 'case_id', type: 'uuid' }) caseId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ name: 'acting_municipality', type: 'varchar', length: 4 }) actingMunicipality: string;
  @Column({ name: 'paying_municipality', type: 'varchar', length: 4 }) payingMunicipality: string;
  @Column({ type: 'text' }) paragraph: string;
  @Column({ name: 'target_group', type: 'text' }) targetGroup: string;
  @Column({ type: 'text' }) period: string;
  @Column({ type: 'int' }) units: number;
  @Column({ name: 'delivered_units', type: 'int' }) deliveredUnits: number;
  @Column({ type: 'text' }) status: BookingStatus;
  @Column({ type: 'text', nullable: true }) reason: string | null;
  @Column({ name: 'requested_at', type: 'timestamptz' }) requestedAt: Date;
  @Column({ type: 'int' }) version: number;
}
