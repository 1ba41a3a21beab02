import { dataSourceOptionsFor } from '@tilbudsnet/platform';
import { createTestDatabase, waitUntil, type TestDatabase } from '@tilbudsnet/testing';
import { randomUUID } from 'node:crypto';
import { DataSource, type QueryRunner } from 'typeorm';
import { Notifications1763800000700 } from '../migrations/1763800000700-notifications';
import { applyCapacityChange, refreshRegionVacancy } from './read-model-queries';

/**
 * The region's vacancy is a sum over its offers, kept by the consumer's transactions, and the
 * consumer applies three partitions at once: two offers of one region changed in two concurrent
 * transactions must still leave the sum of both changes (real PostgreSQL, READ COMMITTED).
 */
let db: TestDatabase;
let dataSource: DataSource;

beforeAll(async () => {
  db = await createTestDatabase('region_vacancy');
  dataSource = new DataSource({
    ...dataSourceOptionsFor('notifications', { entities: [], migrations: [Notifications1763800000700] }, { NOTIFICATIONS_DATABASE_URL: db.url }),
    extra: { max: 4 },
  });
  await dataSource.initialize();
  await dataSource.runMigrations({ transaction: 'all' });
});

afterAll(async () => {
  await dataSource?.destroy();
  await db?.drop();
});

async function offerIn(region: string, targetGroup: string, vacant: number): Promise<string> {
  const id = randomUUID();
  await dataSource.query(
    `INSERT INTO n_offers (offer_id, name, operator, municipality_code, region_code, target_groups, paragraphs, status, budgeted_occupancy_pct, approved, occupied, reserved, vacant, version)
     VALUES ($1, 'Bo', 'Drift', '0751', $2, $3, '[]', 'active', 90, 2, 2 - $4::int, 0, $4, 1)`, [id, region, [targetGroup], vacant]);
  return id;
}

/** Sets an offer's vacancy and refreshes its region, in the runner's open transaction. */
async function fillPlaces(runner: QueryRunner, offerId: string, region: string, targetGroup: string, at: Date): Promise<void> {
  await runner.query('UPDATE n_offers SET vacant = 0 WHERE offer_id = $1', [offerId]);
  await refreshRegionVacancy(runner.manager, region, [targetGroup], at);
}

it('two offers of one region filled in concurrent transactions leave the region with no vacancy, and the day it ran out', async () => {
  const [region, group] = ['1082', 'autism'];
  const first = await offerIn(region, group, 1);
  const second = await offerIn(region, group, 1);
  await refreshRegionVacancy(dataSource.manager, region, [group], new Date('2026-12-01T08:00:00Z'));
  expect(await dataSource.query('SELECT vacant FROM n_region_vacancy WHERE region_code = $1 AND target_group = $2', [region, group])).toEqual([{ vacant: 2 }]);

  const a = dataSource.createQueryRunner();
  const b = dataSource.createQueryRunner();
  await a.startTransaction();
  await b.startTransaction();
  try {
    const [{ pid }] = await b.query('SELECT pg_backend_pid() AS pid');
    await fillPlaces(a, first, region, group, new Date('2026-12-02T08:00:00Z'));
    // b changes the other offer while a has not committed; it may wait for a, never overwrite it.
    const bDone = fillPlaces(b, second, region, group, new Date('2026-12-02T09:00:00Z')).then(() => b.commitTransaction());
    // a commits only once b waits on a's lock of the region's row, so the two really overlap.
    await waitUntil(async () => (await dataSource.query('SELECT wait_event_type FROM pg_stat_activity WHERE pid = $1', [pid]))[0]?.wait_event_type === 'Lock',
      { what: 'the second transaction waiting for the first' });
    await a.commitTransaction();
    await bDone;
  } finally {
    await a.release();
    await b.release();
  }

  const [row] = await dataSource.query('SELECT vacant, zero_since FROM n_region_vacancy WHERE region_code = $1 AND target_group = $2', [region, group]);
  expect(row.vacant).toBe(0);
  expect(row.zero_since).toEqual(new Date('2026-12-02T09:00:00Z'));
});

it('applies a capacity change once per version: a redelivered or older one changes nothing and adds no history', async () => {
  const offerId = await offerIn('1084', 'autism', 1);
  const history = async () => (await dataSource.query('SELECT approved, vacant FROM n_capacity_history WHERE offer_id = $1 ORDER BY at', [offerId]));
  const capacity = (approved: number, vacant: number) => ({ approvedPlaces: approved, occupiedPlaces: approved - vacant, reservedPlaces: 0, vacantPlaces: vacant });
  const paragraphs = [{ paragraph: '108', approvedPlaces: 4 }];

  const before = await applyCapacityChange(dataSource.manager, offerId, capacity(4, 3), paragraphs, 2, new Date('2026-12-03T08:00:00Z'));
  expect(before).toMatchObject({ offer_id: offerId, approved: 2, vacant: 1, version: 1 });
  expect(await applyCapacityChange(dataSource.manager, offerId, capacity(5, 4), paragraphs, 2, new Date('2026-12-03T09:00:00Z'))).toBeUndefined();
  expect(await applyCapacityChange(dataSource.manager, offerId, capacity(1, 0), paragraphs, 1, new Date('2026-12-03T10:00:00Z'))).toBeUndefined();
  expect(await applyCapacityChange(dataSource.manager, randomUUID(), capacity(1, 0), paragraphs, 5, new Date('2026-12-03T10:00:00Z'))).toBeUndefined();

  const [row] = await dataSource.query('SELECT approved, vacant, version, paragraphs FROM n_offers WHERE offer_id = $1', [offerId]);
  expect(row).toEqual({ approved: 4, vacant: 3, version: 2, paragraphs });
  expect(await history()).toEqual([{ approved: 4, vacant: 3 }]);
});
