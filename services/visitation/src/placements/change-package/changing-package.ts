import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { changePackage } from '../domain/placement';
import { commandOnPlacement, ratesInForce, type PlacementView } from '../placement-store';

/** Use case: the acting municipality changes the placement's package (ydelsespakke) from a date, to one the tariff in force has. */
@Injectable()
export class ChangingPackage {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  change(id: string, body: { packageCode: string; effectiveDate: string }, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return commandOnPlacement(this.dataSource, this.outbox, id, principal, purpose, 'change-package', cause,
      async (p, manager) => changePackage(p, body.packageCode, body.effectiveDate, await ratesInForce(manager, p.offerId, body.effectiveDate)));
  }
}
