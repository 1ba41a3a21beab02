import { Injectable } from '@nestjs/common';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { LessThan } from 'typeorm';
import { timeOut } from '../domain/placement';
import { PlacementRecord } from '../placement.entity';
import { requestTimeoutMs, savePlacement } from '../placement-store';

/** Use case (the job): requests offers has not answered in time end, releasing any late hold. */
@Injectable()
export class TimingOut {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  async timeOutUnanswered(now = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(PlacementRecord).find({ where: { status: 'requested', requestedAt: LessThan(new Date(now.getTime() - requestTimeoutMs())) }, take: 500 });
    for (const { id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const p = await manager.findOne(PlacementRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (p) await savePlacement(manager, this.outbox, timeOut(p, now, requestTimeoutMs()), { correlationId: `timeout-${id}`, causationId: `timeout-${id}` });
      });
    }
    return due.length;
  }
}
