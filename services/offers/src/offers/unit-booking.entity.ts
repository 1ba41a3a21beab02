import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UnitBooking } from './domain/unit-booking';

/** Row of `unit_bookings`: the units one booking holds in an offer's period. */
@Entity({ name: 'unit_bookings' })
export class UnitBookingRecord implements UnitBooking {
  @PrimaryColumn({ name: 'booking_id', type: 'uuid' }) bookingId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ type: 'text' }) period: string;
  /** The period's last day: a booking still reserved after it ends (`completeEnded`). */
  @Column({ name: 'last_day', type: 'date' }) lastDay: string;
  @Column({ type: 'int' }) units: number;
  @Column({ name: 'delivered_units', type: 'int' }) deliveredUnits: number;
  @Column({ name: 'paying_municipality', type: 'text' }) payingMunicipality: string;
  @Column({ name: 'acting_municipality', type: 'text' }) actingMunicipality: string;
  @Column({ type: 'text' }) status: UnitBooking['status'];
  @Column({ type: 'int' }) version: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
