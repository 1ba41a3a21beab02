import { Injectable } from '@nestjs/common';
import { requireOwnRegion, type Principal } from '@tilbudsnet/auth';
import { RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { offerOf, publishedEvent, withWarnings, type TariffView } from '../tariff-store';

/** Use case: the region's KKR secretariat approves a framework-agreement tariff, which publishes it. */
@Injectable()
export class ApprovingTariff {
  constructor(private readonly outbox: TransactionalOutbox, private readonly dataSource: DataSource) {}

  async awaitingApproval(regionCode: string): Promise<TariffView[]> {
    const rows: { computation: TariffView }[] = await this.dataSource.query(
      `SELECT t.computation FROM tariffs t JOIN tariff_offers o ON o.offer_id = t.offer_id
       WHERE o.region_code = $1 AND t.status = 'awaiting-approval' ORDER BY t.year, t.offer_id`, [regionCode]);
    return Promise.all(rows.map((r) => withWarnings(this.dataSource.manager, { ...r.computation, status: 'awaiting-approval' })));
  }

  approve(offerId: string, year: number, principal: Principal, cause: EventCause): Promise<TariffView> {
    return this.outbox.run(async (manager) => {
      const offer = await offerOf(manager, offerId);
      requireOwnRegion(principal, offer.region_code, 'offerId', 'the KKR secretariat approves its own region\'s tariffs');
      const [row] = await manager.query('SELECT computation FROM tariffs WHERE offer_id = $1 AND year = $2', [offerId, year]);
      if (!row) throw new RuleViolation('year', 'tariff-exists', `no ${year} tariff for offer ${offerId}`, 404);
      const current: TariffView = row.computation;
      if (current.status !== 'awaiting-approval') throw new RuleViolation('status', 'awaiting-approval', `the ${year} tariff is ${current.status}`, 409);
      const approved: TariffView = { ...current, status: 'published' };
      await manager.query(`UPDATE tariffs SET status = 'published', approved_by = $3, published_at = now(), computation = $4, version = version + 1 WHERE offer_id = $1 AND year = $2`,
        [offerId, year, principal.sub, JSON.stringify(approved)]);
      return { result: await withWarnings(manager, approved), events: [await publishedEvent(manager, approved, cause)] };
    });
  }
}
