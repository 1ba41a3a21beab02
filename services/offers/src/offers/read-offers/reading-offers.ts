import { Injectable } from '@nestjs/common';
import { RuleViolation, type OfferSnapshot } from '@tilbudsnet/contracts';
import { DataSource } from 'typeorm';
import { earliestEffectiveDate, noticeRuleFor } from '../domain/notice-rule';
import { snapshotOf } from '../domain/offer';
import { OfferRecord } from '../offer.entity';
import type { ListOffersQuery } from './list-offers.query';

export interface OfferPage {
  items: OfferSnapshot[];
  total: number;
  page: number;
  pageSize: number;
}

/** The notice rule an offer's closure or reduction follows, as it stands today. */
export interface OfferNoticeRule {
  regionCode: string;
  noticeMonths: number;
  /** The earliest date a closure or reduction announced today may take effect (the first weekday of a month). */
  earliestEffectiveDate: string;
}

@Injectable()
export class ReadingOffers {
  constructor(private readonly dataSource: DataSource) {}

  async get(id: string): Promise<OfferSnapshot> {
    const offer = await this.dataSource.getRepository(OfferRecord).findOneBy({ id });
    if (!offer) throw new RuleViolation('id', 'offer-exists', `no offer with id ${id}`, 404);
    return snapshotOf(offer);
  }

  /** The same rule and day (UTC, as the announcing use cases count) that a closure or reduction announced now meets. */
  async noticeRule(id: string, now = new Date()): Promise<OfferNoticeRule> {
    const offer = await this.dataSource.getRepository(OfferRecord).findOneBy({ id });
    if (!offer) throw new RuleViolation('id', 'offer-exists', `no offer with id ${id}`, 404);
    const rule = noticeRuleFor(offer.regionCode);
    return { regionCode: offer.regionCode, noticeMonths: rule.noticeMonths, earliestEffectiveDate: earliestEffectiveDate(now.toISOString().slice(0, 10), rule) };
  }

  async list(query: ListOffersQuery): Promise<OfferPage> {
    const qb = this.dataSource.getRepository(OfferRecord).createQueryBuilder('o');
    if (query.region) qb.andWhere('o.region_code = :region', { region: query.region });
    if (query.municipality) qb.andWhere('o.municipality_code = :municipality', { municipality: query.municipality });
    if (query.operator) qb.andWhere(`o.operator->>'id' = :operator`, { operator: query.operator });
    if (query.targetGroup) qb.andWhere(':targetGroup = ANY(o.target_groups)', { targetGroup: query.targetGroup });
    if (query.paragraph) qb.andWhere(`o.paragraphs @> :paragraph::jsonb`, { paragraph: JSON.stringify([{ paragraph: query.paragraph }]) });
    if (query.status) qb.andWhere('o.status = :status', { status: query.status });
    const [rows, total] = await qb.orderBy('o.name').addOrderBy('o.id').skip((query.page - 1) * query.pageSize).take(query.pageSize).getManyAndCount();
    return { items: rows.map(snapshotOf), total, page: query.page, pageSize: query.pageSize };
  }
}
