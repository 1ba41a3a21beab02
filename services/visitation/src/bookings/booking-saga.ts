import { Injectable } from '@nestjs/common';
import { requireActingMunicipality, type Principal } from '@tilbudsnet/auth';
import { createEvent, RuleViolation, type EventCause } from '@tilbudsnet/contracts';
import { TransactionalOutbox } from '@tilbudsnet/messaging';
import { randomUUID } from 'node:crypto';
import { DataSource, LessThan, type EntityManager } from 'typeorm';
import { recordAccess } from '../audit/audit-log';
import { CaseRecord } from '../cases/case.entity';
import { CatalogueOfferRecord } from '../catalogue/catalogue-offer.entity';
import { requestTimeoutMs } from '../placements/placement-store';
import { BookingRecord } from './booking.entity';
import type { BookUnitsRequest } from './book-units.request';
import { bookingBasis, cancelBooking, requestBooking, timeOutBooking, type BookingDecision, type BookingState } from './domain/booking';

export type BookingView = Omit<BookingState, 'version'>;

const viewOf = ({ version: _v, ...view }: BookingState): BookingView => view;

/** Saves a decision's state and its events in the caller's transaction. */
export async function saveBooking(manager: EntityManager, outbox: TransactionalOutbox, decision: BookingDecision, cause: EventCause): Promise<BookingView> {
  await manager.save(BookingRecord, decision.state);
  await outbox.append(manager, decision.events.map((e) => createEvent('visitation', e, cause)));
  return viewOf(decision.state);
}

/**
 * Use cases: book units of a single service for a case, read and withdraw bookings; the job that
 * ends requests offers never answered. Offers' answers arrive in `BookingAnswerHandlers`.
 */
@Injectable()
export class BookingSaga {
  constructor(private readonly dataSource: DataSource, private readonly outbox: TransactionalOutbox) {}

  book(caseId: string, input: BookUnitsRequest, principal: Principal, purpose: string, cause: EventCause): Promise<BookingView> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(CaseRecord, { id: caseId });
      if (!found) throw new RuleViolation('id', 'case-exists', `no case with id ${caseId}`, 404);
      requireActingMunicipality(principal, found.actingMunicipality, 'id', 'only the acting municipality books services for its citizens');
      const offer = await manager.findOneBy(CatalogueOfferRecord, { offerId: input.offerId });
      if (!offer) throw new RuleViolation('offerId', 'offer-in-catalogue', `no offer ${input.offerId} in the catalogue`, 422);
      const units = offer.snapshot.units;
      if (!units) throw new RuleViolation('offerId', 'single-service', 'the offer has places, not units: request a placement instead', 422);
      const decision = requestBooking({
        id: randomUUID(), caseId: found.id, offerId: input.offerId, actingMunicipality: found.actingMunicipality, payingMunicipality: found.payingMunicipality,
        ...bookingBasis(found.needs, offer), period: input.period, units: input.units,
      }, units.per, new Date());
      await recordAccess(manager, principal, { caseId: found.id, municipality: found.actingMunicipality, action: 'book-units', purpose });
      return saveBooking(manager, this.outbox, decision, cause);
    });
  }

  get(id: string, principal: Principal): Promise<BookingView> {
    return this.dataSource.transaction(async (manager) => viewOf(await this.load(manager, id, principal)));
  }

  /** The bookings of a case, newest first. */
  async ofCase(caseId: string, principal: Principal, purpose: string): Promise<BookingView[]> {
    return this.dataSource.transaction(async (manager) => {
      const found = await manager.findOneBy(CaseRecord, { id: caseId });
      if (!found) throw new RuleViolation('id', 'case-exists', `no case with id ${caseId}`, 404);
      requireActingMunicipality(principal, found.actingMunicipality, 'id', 'a case belongs to its acting municipality');
      await recordAccess(manager, principal, { caseId, municipality: found.actingMunicipality, action: 'read-case', purpose });
      return (await manager.find(BookingRecord, { where: { caseId }, order: { requestedAt: 'DESC' }, take: 200 })).map(viewOf);
    });
  }

  cancel(id: string, principal: Principal, purpose: string, cause: EventCause): Promise<BookingView> {
    return this.dataSource.transaction(async (manager) => {
      const b = await this.load(manager, id, principal, true);
      await recordAccess(manager, principal, { caseId: b.caseId, municipality: b.actingMunicipality, action: 'cancel-booking', purpose });
      return saveBooking(manager, this.outbox, cancelBooking(b), cause);
    });
  }

  /** The job: requests offers has not answered in time end (`PLACEMENT_REQUEST_TIMEOUT_MS`, as placements). */
  async timeOutUnanswered(now = new Date()): Promise<number> {
    const due = await this.dataSource.getRepository(BookingRecord).find({ where: { status: 'requested', requestedAt: LessThan(new Date(now.getTime() - requestTimeoutMs())) }, take: 500 });
    for (const { id } of due) {
      await this.dataSource.transaction(async (manager) => {
        const b = await manager.findOne(BookingRecord, { where: { id }, lock: { mode: 'pessimistic_write' } });
        if (b) await saveBooking(manager, this.outbox, timeOutBooking(b, now, requestTimeoutMs()), { correlationId: `timeout-${id}`, causationId: `timeout-${id}` });
      });
    }
    return due.length;
  }

  private async load(manager: EntityManager, id: string, principal: Principal, lock = false): Promise<BookingRecord> {
    const b = await manager.findOne(BookingRecord, { where: { id }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!b) throw new RuleViolation('id', 'booking-exists', `no booking with id ${id}`, 404);
    requireActingMunicipality(principal, b.actingMunicipality, 'id', 'a booking belongs to its acting municipality');
    return b;
  }
}
