import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { endPlacement } from '../domain/placement';
import { commandOnPlacement, type PlacementView } from '../placement-store';

/** Use case: fraflytning. The citizen moves out on the end date; payment stops with that day. */
@Injectable()
export class EndingPlacement {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  end(id: string, endDate: string, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return commandOnPlacement(this.dataSource, this.outbox, id, principal, purpose, 'end-placement', cause, (p) => endPlacement(p, endDate));
  }
}
