import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { PlacementHold } from './domain/placement-hold';

/** Row of `placement_holds`: the place one placement holds in an offer. */
@Entity({ name: 'placement_holds' })
export class PlacementHoldRecord implements PlacementHold {
  @PrimaryColumn({ name: 'placement_id', type: 'uuid' }) placementId: string;
  @Column({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column({ type: 'text' }) status: PlacementHold['status'];
  @Column({ name: 'expires_at', type: 'timestamptz', nullable: true }) expiresAt: Date | null;
  @Column({ type: 'int' }) version: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}
