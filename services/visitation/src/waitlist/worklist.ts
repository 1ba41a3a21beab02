import { Injectable } from '@nestjs/common';
import { DataSource, In, IsNull, LessThanOrEqual, Not } from 'typeorm';
import { REPLACEABLE_STATUSES } from '../placements/domain/replacement';
import { PlacementRecord } from '../placements/placement.entity';
import { reviewHorizon } from './domain/waitlist-rules';
import { WaitlistEntryRecord } from './waitlist-entry.entity';

/** Queries: what an officer's municipality waits for and has to do. No citizen identity in any of it. */
@Injectable()
export class Worklist {
  constructor(private readonly dataSource: DataSource) {}

  /** Venteliste: the municipality's waiting and matched entries, oldest first. */
  waitlist(municipality: string): Promise<WaitlistEntryRecord[]> {
    return this.dataSource.getRepository(WaitlistEntryRecord).find({
      where: { actingMunicipality: municipality, status: In(['waiting', 'matched']) }, order: { addedAt: 'ASC' },
    });
  }

  /** Reviews due within the horizon, placements under notice, and re-placements after closures. */
  async worklist(municipality: string, today = new Date()): Promise<{ reviewsDue: PlacementRecord[]; notices: PlacementRecord[]; replacements: PlacementRecord[] }> {
    const repo = this.dataSource.getRepository(PlacementRecord);
    const [reviewsDue, notices, replacements] = await Promise.all([
      repo.find({ where: { actingMunicipality: municipality, status: 'started', reviewDate: LessThanOrEqual(reviewHorizon(today)) }, order: { reviewDate: 'ASC' } }),
      repo.find({ where: { actingMunicipality: municipality, status: 'notice-given' }, order: { endDate: 'ASC' } }),
      repo.find({ where: { actingMunicipality: municipality, status: In(REPLACEABLE_STATUSES), needsReplacementFrom: Not(IsNull()) }, order: { needsReplacementFrom: 'ASC' } }),
    ]);
    return { reviewsDue, notices, replacements };
  }
}
