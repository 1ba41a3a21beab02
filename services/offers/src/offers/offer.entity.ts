import type { OfferStatus, OperatorKind, ParagraphPlaces, SpecialisationLevel, UnitCapacity } from '@tilbudsnet/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { OfferState } from './domain/offer';

const numeric = { to: (v: number) => v, from: (v: string | null) => (v === null ? null : Number(v)) };

/** Row of `offers`; doubles as the domain state. */
@Entity({ name: 'offers' })
export class OfferRecord implements OfferState {
  @PrimaryColumn('uuid') id: string;
  @Column({ type: 'text' }) name: string;
  @Column('jsonb') operator: { kind: OperatorKind; id: string; name: string };
  @Column('jsonb') address: { street: string; postalCode: string; city: string };
  @Column({ name: 'municipality_code', length: 4 }) municipalityCode: string;
  @Column({ name: 'region_code', length: 4 }) regionCode: string;
  @Column('jsonb') location: { lat: number; lon: number };
  @Column('jsonb') paragraphs: ParagraphPlaces[];
  @Column({ name: 'target_groups', type: 'text', array: true }) targetGroups: string[];
  @Column({ name: 'specialisation_level', type: 'text' }) specialisationLevel: SpecialisationLevel;
  @Column({ name: 'framework_agreement', type: 'boolean' }) frameworkAgreement: boolean;
  @Column({ name: 'budgeted_occupancy_pct', type: 'numeric', precision: 5, scale: 2, transformer: numeric }) budgetedOccupancyPct: number;
  @Column({ type: 'text' }) status: OfferStatus;
  @Column({ name: 'last_confirmed_at', type: 'timestamptz', nullable: true }) lastConfirmedAt: Date | null;
  @Column({ name: 'occupied_places', type: 'int' }) occupiedPlaces: number;
  @Column({ name: 'reserved_places', type: 'int' }) reservedPlaces: number;
  @Column({ type: 'int' }) version: number;
  @Column({ type: 'boolean' }) demo: boolean;
  @Column({ name: 'closure_effective_date', type: 'date', nullable: true }) closureEffectiveDate: string | null;
  @Column({ name: 'pending_adjustment', type: 'jsonb', nullable: true }) pendingAdjustment: OfferState['pendingAdjustment'];
  @Column({ type: 'jsonb', nullable: true }) supervision: OfferState['supervision'];
  @Column({ type: 'jsonb', nullable: true }) units: UnitCapacity | null;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
