// npm start, after the demo offers and tariffs: the demo municipalities' officers place demo citizens
// through visitation's own use cases (in-process, as officers would: a case with its placement
// request in one step, then, once offers has held the place, the confirmation), so every placement
// runs the real saga over Kafka and offers, tariffs and notifications learn of it from events.
// Requests to full offers are refused for want of a place, and those citizens join the waiting list.
// Does nothing when visitation already holds a case, or with DEMO_PLACEMENTS=off.
import { NestFactory } from '@nestjs/core';
import { seededRandom } from '@tilbudsnet/platform';
import { operatorParts, type Principal } from '@tilbudsnet/auth';
import { periodOf, type OperatorKind } from '@tilbudsnet/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { KeepingCases } from '../cases/keeping-cases';
import { ConfirmingPlacement } from '../placements/confirm-placement/confirming-placement';
import { MeasuringProgress } from '../progression/measure-progress/measuring-progress';
import { SettingGoal } from '../progression/set-goal/setting-goal';
import { BookingSaga } from '../bookings/booking-saga';
import { demoBookingPlan, demoGoalPlan, demoPlacementPlan, type OfferToFill, type PlannedPlacement } from './demo-placements';

const officerOf = (municipality: string): Principal => ({ sub: 'demo-seed', name: 'Demo seed', role: 'visitation-officer', organisation: { kind: 'municipality', code: municipality } });
const cause = () => { const id = randomUUID(); return { correlationId: id, causationId: id }; };

/** Runs `work` over `items`, `width` at a time. */
async function inParallel<T>(items: T[], width: number, work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: width }, async () => {
    while (next < items.length) await work(items[next++]);
  }));
}

async function waitFor(what: string, seconds: number, done: () => Promise<boolean>): Promise<void> {
  for (let waited = 0; !(await done()); waited += 0.5) {
    if (waited > seconds) throw new Error(`${what}: not after ${seconds} s`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function main(): Promise<void> {
  if (process.env.DEMO_PLACEMENTS === 'off') return;
  process.env.OUTBOX_RELAY = 'off'; // the running service's relay publishes what this commits
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get(DataSource);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM cases');
    if (count > 0) {
      console.log(`seed: visitation already holds ${count} cases; not placing demo citizens`);
      return;
    }
    const expected = Number(process.env.DEMO_OFFERS ?? 320);
    const demoCount = async () => (await db.query(`SELECT count(*)::int AS n FROM catalogue_offers WHERE snapshot ->> 'demo' = 'true'`))[0].n as number;
    await waitFor('the demo offers in visitation\'s catalogue', 120, async () => (await demoCount()) >= expected);
    const offers: OfferToFill[] = (await db.query(`SELECT snapshot FROM catalogue_offers WHERE snapshot ->> 'demo' = 'true' ORDER BY snapshot ->> 'name'`))
      .map((r: { snapshot: OfferToFill }) => r.snapshot);
    const rnd = seededRandom(2026);
    const plan = demoPlacementPlan(offers, new Date().toISOString().slice(0, 10), rnd);
    const keeping = app.get(KeepingCases);
    const open = (p: PlannedPlacement) => keeping.open({
      cpr: p.citizen.cpr, name: p.citizen.name, payingMunicipality: p.payingMunicipality,
      needs: { targetGroups: [p.targetGroup], paragraph: p.paragraph, supportLevel: p.supportLevel },
      placement: { offerId: p.offerId, startDate: p.startDate },
    }, officerOf(p.actingMunicipality), 'visitation', cause());
    console.log(`seed: placing ${plan.placements.length} demo citizens in ${offers.length} demo offers (the placement saga runs for each: about ${Math.max(1, Math.round(plan.placements.length / 4000))} min on 2 cores)`);
    await inParallel(plan.placements, 6, open);
    // Offers holds a place for each request (or refuses it); then the officers confirm.
    const pending = async () => (await db.query(`SELECT count(*)::int AS n FROM placements WHERE status = 'requested'`))[0].n as number;
    await waitFor('offers\' answers to the demo requests', 300, async () => (await pending()) === 0);
    const reserved: { id: string; acting_municipality: string }[] = await db.query(`SELECT id, acting_municipality FROM placements WHERE status = 'reserved'`);
    const confirming = app.get(ConfirmingPlacement);
    await inParallel(reserved, 6, (p) => confirming.confirm(p.id, officerOf(p.acting_municipality), 'visitation', cause()));
    // Goals for about half of the placements in homes, measured by the offers' operators over the stay.
    const running: { id: string; acting_municipality: string; start_date: string; paragraph: string; operator: string }[] = await db.query(
      `SELECT p.id, p.acting_municipality, to_char(p.start_date, 'YYYY-MM-DD') AS start_date, p.paragraph, (c.snapshot -> 'operator' ->> 'kind') || ':' || (c.snapshot -> 'operator' ->> 'id') AS operator
         FROM placements p JOIN catalogue_offers c ON c.offer_id = p.offer_id WHERE p.status = 'started' ORDER BY p.id`);
    const goalPlan = demoGoalPlan(running.map((p) => ({ startDate: p.start_date, paragraph: p.paragraph })), new Date().toISOString().slice(0, 10), rnd);
    const setting = app.get(SettingGoal);
    const measuring = app.get(MeasuringProgress);
    let goals = 0;
    await inParallel(running.map((p, i) => ({ p, goal: goalPlan[i] })).filter((x) => x.goal), 4, async ({ p, goal }) => {
      const set = await setting.set(p.id, { area: goal!.area, description: goal!.description, targetDate: goal!.targetDate }, officerOf(p.acting_municipality), 'opfølgning', cause());
      const { kind, id } = operatorParts(p.operator);
      const operator: Principal = { sub: 'demo-seed', name: 'Demo seed', role: 'offer-manager', organisation: { kind: 'operator', operatorKind: kind as OperatorKind, id } };
      for (const m of goal!.measurements) await measuring.measure(set.goalId, m, operator, cause());
      goals++;
    });
    console.log(`seed: ${goals} demo goals set and measured`);
    // The waiting: requests to offers that are full now.
    await inParallel(plan.waiting, 4, open);
    await waitFor('offers\' answers to the waiting requests', 120, async () => (await pending()) === 0);
    const [{ waiting }] = await db.query(`SELECT count(*)::int AS waiting FROM waitlist_entries`);
    console.log(`seed: ${reserved.length} demo placements confirmed; ${waiting} demo citizens on waiting lists`);
    // Single services: a few citizens booked in each demo offer of units, for this week or month.
    const today = new Date().toISOString().slice(0, 10);
    const bookings = demoBookingPlan(offers, today, rnd);
    const saga = app.get(BookingSaga);
    await inParallel(bookings, 4, async (b) => {
      const opened = await keeping.open({
        cpr: b.placement.citizen.cpr, name: b.placement.citizen.name, payingMunicipality: b.placement.payingMunicipality,
        needs: { targetGroups: [b.placement.targetGroup], paragraph: b.placement.paragraph, supportLevel: b.placement.supportLevel },
      }, officerOf(b.placement.actingMunicipality), 'visitation', cause());
      const per = offers.find((o) => o.offerId === b.offerId)!.units!.per;
      await saga.book(opened.id, { offerId: b.offerId, period: periodOf(today, per), units: b.units }, officerOf(b.placement.actingMunicipality), 'visitation', cause());
    });
    await waitFor('offers\' answers to the demo bookings', 120, async () => (await db.query(`SELECT count(*)::int AS n FROM bookings WHERE status = 'requested'`))[0].n === 0);
    console.log(`seed: ${bookings.length} demo bookings of single services`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(`seed: ${String(error)}`);
  process.exit(1);
});
