import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';
import type { SealedValue } from './citizen-data-cipher';

/** Behovsvurdering: what the citizen needs. No personal identity in here. */
export interface NeedsAssessment {
  targetGroups: string[];
  paragraph: string;
  supportLevel: 'low' | 'medium' | 'high' | 'very-high';
  preferredRegion?: string;
  maxDistanceKm?: number;
}

/** Sag: belongs to the acting municipality; CPR, name and notes are sealed (AES-256-GCM). */
@Entity({ name: 'cases' })
export class CaseRecord {
  @PrimaryColumn('uuid') id: string;
  /** Handlekommune. */
  @Column({ name: 'acting_municipality', type: 'varchar', length: 4 }) actingMunicipality: string;
  /** Betalingskommune. */
  @Column({ name: 'paying_municipality', type: 'varchar', length: 4 }) payingMunicipality: string;
  /** Keyed hash (HMAC) of the CPR number, to find the case without decrypting. */
  @Column({ name: 'cpr_lookup_hash', type: 'varchar', length: 64 }) cprLookupHash: string;
  /** `{ cpr, name }` sealed. */
  @Column({ name: 'citizen_sealed', type: 'jsonb' }) citizenSealed: SealedValue;
  @Column({ name: 'notes_sealed', type: 'jsonb', nullable: true }) notesSealed: SealedValue | null;
  @Column({ type: 'jsonb' }) needs: NeedsAssessment;
  @Column({ name: 'opened_by', type: 'text' }) openedBy: string;
  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' }) openedAt: Date;
}
