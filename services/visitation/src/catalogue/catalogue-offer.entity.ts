import type { OfferSnapshot } from '@tilbudsnet/contracts';
import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Row of `catalogue_offers`: the snapshot, plus columns copied out of it for filtering. */
@Entity({ name: 'catalogue_offers' })
export class CatalogueOfferRecord {
  @PrimaryColumn({ name: 'offer_id', type: 'uuid' }) offerId: string;
  @Column('jsonb') snapshot: OfferSnapshot;
  @Column({ type: 'int' }) version: number;
  @Column({ name: 'region_code', type: 'varchar', length: 4 }) regionCode: string;
  @Column({ name: 'municipality_code', type: 'varchar', length: 4 }) municipalityCode: string;
  @Column({ type: 'text', array: true }) paragraphs: string[];
  @Column({ name: 'target_groups', type: 'text', array: true }) targetGroups: string[];
  @Column({ name: 'specialisation_level', type: 'text' }) specialisationLevel: string;
  @Column({ type: 'text' }) status: string;
  @Column({ name: 'vacant_places', type: 'int' }) vacantPlaces: number;
  @Column({ type: 'double precision' }) lat: number;
  @Column({ type: 'double precision' }) lon: number;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export function recordOf(snapshot: OfferSnapshot, version: number): Omit<CatalogueOfferRecord, 'updatedAt'> {
  return {
    offerId: snapshot.offerId,
    snapshot,
    version,
    regionCode: snapshot.regionCode,
    municipalityCode: snapshot.municipalityCode,
    paragraphs: snapshot.paragraphs.map((p) => p.paragraph),
    targetGroups: snapshot.targetGroups,
    specialisationLevel: snapshot.specialisationLevel,
    status: snapshot.status,
    vacantPlaces: snapshot.capacity.vacantPlaces,
    lat: snapshot.location.lat,
    lon: snapshot.location.lon,
  };
}
