import { Topics } from '@tilbudsnet/contracts';
import { seededRandom } from '@tilbudsnet/platform';
import { EventCollector, testBus, waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { offerRequest } from './support/demo-offer';
import { call, startSystem, type RunningSystem } from './support/running-system';

/**
 * Progression og effekt on real Kafka and PostgreSQL: the acting municipality sets goals, the
 * operator measures them, and an offer's effect (share of goals met, progression per area per year)
 * equals a direct count over the generated goals and measurements; nothing resting on fewer than 5
 * placements is shown, not even its count. The goals' descriptions never reach Kafka.
 */
let system: RunningSystem;
const PURPOSE = { 'x-purpose': 'opfølgning' };
const SECRET = 'Beskrivelse kun til visitation';

beforeAll(async () => {
  system = await startSystem('progression');
});

afterAll(async () => {
  await system?.stop();
});

const as = (user: string) => system.identity.authFor(user);
const officer = async () => ({ ...(await as('officer-koebenhavn')), ...PURPOSE });

/** Deterministic draws, so a failure can be replayed. */
const draws = seededRandom;

async function offerWithPlacements(name: string, placements: number, cprBase: number): Promise<{ offerId: string; placementIds: string[] }> {
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name, paragraphs: [{ paragraph: '108', approvedPlaces: 20 }] }), await as('manager-aarhus'));
  const offerId = offer.body.offerId;
  const catalogue = system.visitation.app.get(DataSource);
  await waitUntil(async () => (await catalogue.query('SELECT 1 FROM catalogue_offers WHERE offer_id = $1', [offerId])).length === 1, { what: `${name} in the catalogue` });
  const placementIds: string[] = [];
  for (let i = 0; i < placements; i++) {
    const opened = await call(`${system.visitation.url}/cases`, 'POST', {
      cpr: `0101${cprBase + i}1234`, name: `Borger ${i}`, needs: { targetGroups: ['autism'], paragraph: '108', supportLevel: 'medium' },
      placement: { offerId, startDate: '2025-01-15' },
    }, await officer());
    expect(opened.status).toBe(201);
    placementIds.push(opened.body.placement.id);
  }
  for (const id of placementIds) {
    await waitUntil(async () => (await call(`${system.visitation.url}/placements/${id}`, 'GET', undefined, await officer())).body.status === 'reserved', { what: 'the reservation' });
    expect((await call(`${system.visitation.url}/placements/${id}/confirm`, 'POST', undefined, await officer())).status).toBe(200);
  }
  return { offerId, placementIds };
}

interface Generated { placementId: string; area: string; levels: { level: number; measuredOn: string }[] }

/** Sets a goal per placement and area, measures it on the generated days and levels, and returns what was generated. */
async function goalsAndMeasurements(placementIds: string[], areas: string[], rnd: () => number): Promise<Generated[]> {
  const generated: Generated[] = [];
  for (const placementId of placementIds) {
    for (const area of areas) {
      const goal = await call(`${system.visitation.url}/placements/${placementId}/goals`, 'POST', { area, description: `${SECRET}: ${area}`, targetDate: '2027-12-31' }, await officer());
      expect(goal.status).toBe(201);
      const days = ['2025-03-01', '2025-09-01', '2026-03-01'].slice(0, 1 + Math.floor(rnd() * 3));
      const levels = days.map((measuredOn) => ({ level: Math.floor(rnd() * 5) - 2, measuredOn }));
      for (const m of levels) {
        const measured = await call(`${system.visitation.url}/goals/${goal.body.goalId}/measurements`, 'POST', m, await as('manager-aarhus'));
        expect(measured.status).toBe(201);
      }
      generated.push({ placementId, area, levels });
    }
  }
  return generated;
}

/** The effect counted directly from what was generated (not by the service's code). */
function directCount(generated: Generated[]) {
  const placements = new Set(generated.map((g) => g.placementId)).size;
  const met = generated.filter((g) => g.levels[g.levels.length - 1].level >= 0).length;
  const areas = [...new Set(generated.map((g) => g.area))].sort().map((area) => {
    const spanned = generated.filter((g) => g.area === area && g.levels.length >= 2);
    const perYear = spanned.map((g) => {
      const first = g.levels[0];
      const last = g.levels[g.levels.length - 1];
      const years = (Date.parse(last.measuredOn) - Date.parse(first.measuredOn)) / (365.25 * 86_400_000);
      return (last.level - first.level) / years;
    });
    const inArea = new Set(spanned.map((g) => g.placementId)).size;
    return inArea < 5 ? { area, suppressed: true, placements: null, progressionPerYear: null }
      : { area, suppressed: false, placements: inArea, progressionPerYear: Math.round((perYear.reduce((a, b) => a + b, 0) / perYear.length) * 100) / 100 };
  });
  return { enoughData: true, placements, goalsMeasured: generated.length, goalsMetShare: Math.round((met / generated.length) * 1000) / 1000, areas };
}

it('shows an offer\'s effect equal to a direct count over its goals, hides every figure resting on fewer than 5 placements, and keeps descriptions off Kafka', async () => {
  const progression = await new EventCollector(await testBus('progression'), [Topics.progression], true).start();
  try {
    const rnd = draws(7);
    const measuredWell = await offerWithPlacements('Effekthuset', 7, 10);
    const few = await offerWithPlacements('Fåhuset', 4, 30);
    // Seven placements with a social-life goal each, only three with a health goal (that cell is suppressed).
    const generated = [
      ...(await goalsAndMeasurements(measuredWell.placementIds, ['social-life'], rnd)),
      ...(await goalsAndMeasurements(measuredWell.placementIds.slice(0, 3), ['health'], rnd)),
    ];
    await goalsAndMeasurements(few.placementIds, ['social-life', 'health'], rnd);

    const effect = await call(`${system.visitation.url}/offers/${measuredWell.offerId}/effect`, 'GET', undefined, await as('kkr-midtjylland'));
    expect(effect.body).toEqual({ offerId: measuredWell.offerId, ...directCount(generated) });
    expect(effect.body.areas.find((a: { area: string }) => a.area === 'health')).toEqual({ area: 'health', suppressed: true, placements: null, progressionPerYear: null });
    // Four placements: nothing at all, not even how many.
    const small = await call(`${system.visitation.url}/offers/${few.offerId}/effect`, 'GET', undefined, await as('officer-aarhus'));
    expect(small.body).toEqual({ offerId: few.offerId, enoughData: false, placements: null, goalsMeasured: null, goalsMetShare: null, areas: [] });

    // Search shows the same share, says when there is not enough data, and sorts by it.
    const found = await call(`${system.visitation.url}/offers?q=huset&sort=effect&limit=200`, 'GET', undefined, await as('officer-aarhus'));
    const hits = found.body.items.filter((o: { offerId: string }) => [measuredWell.offerId, few.offerId].includes(o.offerId));
    expect(hits.map((o: { offerId: string; effect: unknown }) => [o.offerId, o.effect])).toEqual([
      [measuredWell.offerId, { goalsMetShare: effect.body.goalsMetShare, enoughData: true }],
      [few.offerId, { goalsMetShare: null, enoughData: false }],
    ]);

    // Filtering by effect: an offer below the share, or without enough data, is left out.
    const share = effect.body.goalsMetShare;
    const filtered = async (pct: number) => (await call(`${system.visitation.url}/offers?q=huset&minGoalsMetPct=${pct}&limit=200`, 'GET', undefined, await as('officer-aarhus'))).body.items
      .map((o: { offerId: string }) => o.offerId).filter((id: string) => [measuredWell.offerId, few.offerId].includes(id));
    expect(await filtered(Math.floor(share * 100))).toEqual([measuredWell.offerId]);
    expect(share).toBeLessThan(1); // the seeded data leaves some goals unmet, so the next percent up must drop the offer
    expect(await filtered(Math.floor(share * 100) + 1)).toEqual([]);

    // Every goal and measurement went out as an event, keyed by goal, without the description or the citizen.
    const [{ goals, measurements }] = await system.visitation.app.get(DataSource).query(
      'SELECT (SELECT count(*)::int FROM placement_goals) AS goals, (SELECT count(*)::int FROM goal_measurements) AS measurements');
    await progression.waitFor((ms) => ms.length >= goals + measurements, 20000, 'the progression events');
    const events = progression.events<{ type: string; aggregateId: string; payload: Record<string, unknown> }>();
    expect([events.filter((e) => e.type === 'GoalSet').length, events.filter((e) => e.type === 'ProgressMeasured').length]).toEqual([goals, measurements]);
    expect(goals).toBe(generated.length + 8);
    expect(events.every((e) => e.aggregateId === e.payload.goalId)).toBe(true);
    const raw = progression.messages.map((m) => m.value ?? '').join('\n');
    expect(raw).not.toContain(SECRET);
    expect(raw).not.toMatch(/Borger \d/);
    for (const cpr of [...[10, 11, 12, 13, 14, 15, 16], ...[30, 31, 32, 33]].map((n) => `0101${n}1234`)) expect(raw).not.toContain(cpr);
  } finally {
    await progression.stop();
  }

});

it('lets only the acting municipality set goals and only the offer\'s operator measure them, within the rules', async () => {
  const { placementIds: [placementId], offerId } = await offerWithPlacements('Regelhuset', 1, 50);
  const refused = async (url: string, body: unknown, auth: Record<string, string>) => {
    const r = await call(url, 'POST', body, auth);
    return [r.status, r.body.violations?.[0]?.field, r.body.violations?.[0]?.rule];
  };
  const goalsUrl = `${system.visitation.url}/placements/${placementId}/goals`;
  expect(await refused(goalsUrl, { area: 'health', description: 'Går en tur hver dag', targetDate: '2027-06-30' }, { ...(await as('officer-aarhus')), ...PURPOSE }))
    .toEqual([403, 'placementId', 'own-municipality-only']);
  expect(await refused(goalsUrl, { area: 'health', description: 'Går en tur hver dag', targetDate: '2020-06-30' }, await officer())).toEqual([422, 'targetDate', 'after-today']);
  expect(await refused(goalsUrl, { area: 'flying', description: 'Går en tur hver dag', targetDate: '2027-06-30' }, await officer())).toEqual([400, 'area', 'isIn']);
  expect((await call(goalsUrl, 'POST', { area: 'health', description: 'Går en tur hver dag', targetDate: '2027-06-30' }, await as('officer-koebenhavn'))).status).toBe(400);
  const goal = await call(goalsUrl, 'POST', { area: 'health', description: 'Går en tur hver dag', targetDate: '2027-06-30' }, await officer());
  expect(goal.status).toBe(201);

  const measureUrl = `${system.visitation.url}/goals/${goal.body.goalId}/measurements`;
  expect(await refused(measureUrl, { level: 0, measuredOn: '2026-01-10' }, await as('manager-private'))).toEqual([403, 'goalId', 'own-operator-only']);
  expect(await refused(measureUrl, { level: 3, measuredOn: '2026-01-10' }, await as('manager-aarhus'))).toEqual([400, 'level', 'isIn']);
  expect(await refused(measureUrl, { level: 0, measuredOn: '2099-01-10' }, await as('manager-aarhus'))).toEqual([422, 'measuredOn', 'not-in-future']);
  expect(await refused(measureUrl, { level: 0, measuredOn: '2024-01-10' }, await as('manager-aarhus'))).toEqual([422, 'measuredOn', 'not-before-start']);
  expect((await call(measureUrl, 'POST', { level: 1, measuredOn: '2026-01-10' }, await as('manager-aarhus'))).status).toBe(201);

  // The operator reads the goals to measure them; another municipality does not; the acting one states why.
  expect((await call(`${system.visitation.url}/offers/${offerId}/goals`, 'GET', undefined, await as('manager-aarhus'))).body.items)
    .toEqual([expect.objectContaining({ placementId, area: 'health', description: 'Går en tur hver dag', startDate: '2025-01-15', measurements: [{ level: 1, measuredOn: '2026-01-10' }] })]);
  expect((await call(`${system.visitation.url}/offers/${offerId}/goals`, 'GET', undefined, await as('manager-private'))).status).toBe(403);
  expect((await call(goalsUrl, 'GET', undefined, { ...(await as('officer-aarhus')), ...PURPOSE })).status).toBe(403);
  expect((await call(goalsUrl, 'GET', undefined, await as('officer-koebenhavn'))).status).toBe(400);
  expect((await call(goalsUrl, 'GET', undefined, await officer())).body.items).toHaveLength(1);
  const audit = await system.visitation.app.get(DataSource).query(`SELECT action FROM audit_records WHERE action IN ('set-goal', 'read-goals')`);
  expect(new Set(audit.map((r: { action: string }) => r.action))).toEqual(new Set(['set-goal', 'read-goals']));
});
