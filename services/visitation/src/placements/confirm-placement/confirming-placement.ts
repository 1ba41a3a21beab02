import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { confirmPlacement } from '../domain/placement';
import { commandOnPlacement, reviewMonths, type PlacementView } from '../placement-store';
import { Waitlist } from '../../waitlist/waitlist';

/** Use case: the officer confirms a reserved place; the placement starts and the case leaves the waiting list. */
@Injectable()
export class ConfirmingPlacement {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox, private readonly waitlist: Waitlist) {}

  confirm(id: string, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return commandOnPlacement(this.dataSource, this.outbox, id, principal, purpose, 'confirm-placement', cause, async (p, manager) => {
      const decision = confirmPlacement(p, reviewMonths(), new Date());
      await this.waitlist.leave(manager, p.caseId, 'placed', cause);
      return decision;
    });
  }
}
