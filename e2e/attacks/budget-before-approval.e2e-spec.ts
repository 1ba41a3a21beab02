import { waitUntil } from '@tilbudsnet/testing';
import { DataSource } from 'typeorm';
import { offerRequest } from '../support/demo-offer';
import { call, startSystem, type RunningSystem } from '../support/running-system';

/**
 * Finding 12 of the hardening issue: a framework-agreement offer's budget, before its region's
 * secretariat approves it, was readable by every role, competing operators included. Now only the
 * operator, the approving secretariat and operations read it; once published, everyone does.
 */
let system: RunningSystem;
const as = (user: string) => system.identity.authFor(user);

beforeAll(async () => {
  system = await startSystem('budget');
}, 120_000);

afterAll(async () => {
  await system?.stop();
});

it('shows a budget awaiting approval to its operator and the approving secretariat only, and a published tariff to everyone', async () => {
  const offer = await call(`${system.offers.url}/offers`, 'POST', offerRequest({ name: 'Fortroligt budget', frameworkAgreement: true }), await as('manager-aarhus'));
  const offerId = offer.body.offerId;
  await waitUntil(async () => (await system.tariffs.app.get(DataSource).query('SELECT 1 FROM tariff_offers WHERE offer_id = $1', [offerId])).length === 1, { what: 'the offer in tariffs' });
  const submitted = await call(`${system.tariffs.url}/offers/${offerId}/budgets/2027`, 'PUT', {
    directOperatingCosts: '10000000.00', depreciationAndInterest: '0.00', civilServantPensions: '0.00', otherIncome: '0.00', approvedPlaces: 20, budgetedOccupancyPct: 95,
  }, await as('manager-aarhus'));
  expect(submitted.body.status).toBe('awaiting-approval');

  const read = async (user: string) => (await call(`${system.tariffs.url}/offers/${offerId}/tariffs/2027`, 'GET', undefined, await as(user))).status;
  for (const user of ['manager-aarhus', 'kkr-midtjylland', 'admin']) expect({ user, status: await read(user) }).toEqual({ user, status: 200 });
  for (const user of ['manager-private', 'manager-region-midt', 'officer-koebenhavn', 'kkr-hovedstaden', 'auditor-koebenhavn']) {
    expect({ user, status: await read(user) }).toEqual({ user, status: 403 });
  }

  expect((await call(`${system.tariffs.url}/offers/${offerId}/tariffs/2027/approve`, 'POST', undefined, await as('kkr-midtjylland'))).status).toBe(200);
  for (const user of ['manager-private', 'officer-koebenhavn', 'kkr-hovedstaden']) expect({ user, status: await read(user) }).toEqual({ user, status: 200 });
});
