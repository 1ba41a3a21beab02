import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { CatalogueOfferRecord } from '../../catalogue/catalogue-offer.entity';
import { giveNotice } from '../domain/placement';
import { terminationRuleFor } from '../domain/termination-notice';
import { commandOnPlacement, type PlacementView } from '../placement-store';

/** Use case: opsigelse. The end date follows the region's rule (default 1 month, to the end of a month). */
@Injectable()
export class GivingNotice {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  giveNotice(id: string, givenOn: string, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return commandOnPlacement(this.dataSource, this.outbox, id, principal, purpose, 'give-notice', cause, async (p, manager) => {
      const offer = await manager.findOneBy(CatalogueOfferRecord, { offerId: p.offerId });
      return giveNotice(p, givenOn, terminationRuleFor(offer?.regionCode ?? ''));
    });
  }
}
