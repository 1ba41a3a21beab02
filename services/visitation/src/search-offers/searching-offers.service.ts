import { Injectable } from '@nestjs/common';
import type { OfferSnapshot } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { CatalogueOfferRecord } from '../catalogue/catalogue-offer.entity';
import type { SearchOffersQuery } from './search-offers.query';

export interface SearchResult {
  items: OfferSnapshot[];
  count: number;
}

/** Answers searches from visitation's own catalogue, so search works while offers is down. */
@Injectable()
export class SearchingOffers {
  constructor(private readonly dataSource: DataSource) {}

  async search(query: SearchOffersQuery): Promise<SearchResult> {
    const qb = this.dataSource.getRepository(CatalogueOfferRecord).createQueryBuilder('c');
    if (query.targetGroup) qb.andWhere(':targetGroup = ANY(c.target_groups)', { targetGroup: query.targetGroup });
    if (query.paragraph) qb.andWhere(':paragraph = ANY(c.paragraphs)', { paragraph: query.paragraph });
    if (query.region) qb.andWhere('c.region_code = :region', { region: query.region });
    if (query.municipality) qb.andWhere('c.municipality_code = :municipality', { municipality: query.municipality });
    if (query.specialisationLevel) qb.andWhere('c.specialisation_level = :level', { level: query.specialisationLevel });
    if (query.hasVacancy === true) qb.andWhere(`c.vacant_places > 0 AND c.status = 'active'`);
    if (query.hasVacancy === false) qb.andWhere(`NOT (c.vacant_places > 0 AND c.status = 'active')`);
    const rows = await qb.orderBy('c.vacant_places', 'DESC').addOrderBy('c.offer_id').take(query.limit).getMany();
    return { items: rows.map((r) => r.snapshot), count: rows.length };
  }
}
