import { Injectable } from '@nestjs/common';
import type { Principal } from '@tilbudsnet/auth';
import type { EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { cancelRequest } from '../domain/placement';
import { commandOnPlacement, type PlacementView } from '../placement-store';

/** Use case: the officer withdraws a request or reservation before it starts; a held place is released. */
@Injectable()
export class CancellingPlacement {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  cancel(id: string, principal: Principal, purpose: string, cause: EventCause): Promise<PlacementView> {
    return commandOnPlacement(this.dataSource, this.outbox, id, principal, purpose, 'cancel-placement', cause, (p) => cancelRequest(p));
  }
}
