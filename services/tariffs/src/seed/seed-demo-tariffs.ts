// npm start, after the demo offers: every demo offer's operator submits this year's budget through
// tariffs' own use case (in-process, as the operator's manager would); the region's KKR secretariat
// approves the framework-agreement tariffs, but leaves a few of next year's waiting, so the approval
// page has work. Does nothing when tariffs already holds a tariff.
import { NestFactory } from '@nestjs/core';
import { seededRandom } from '@tilbudsnet/platform';
import { fetchTokenFor, type Principal } from '@tilbudsnet/auth';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { ApprovingTariff } from '../approve-tariff/approving-tariff';
import { SubmittingBudget } from '../submit-budget/submitting-budget';
import { demoBudget, type OfferToBudget } from './demo-budgets';

const ISSUER = process.env.OIDC_ISSUER ?? 'http://localhost:3010';
const OFFERS = process.env.OFFERS_URL ?? 'http://127.0.0.1:3001';

interface CatalogueOffer extends OfferToBudget { operator: { kind: 'municipality' | 'region' | 'private'; id: string }; regionCode: string; frameworkAgreement: boolean; demo?: boolean }

/** Every demo offer, through offers' API (the seed reads the catalogue as any user may). */
async function demoOffers(): Promise<CatalogueOffer[]> {
  const token = await fetchTokenFor(ISSUER, 'admin');
  const all: CatalogueOffer[] = [];
  for (let page = 1; ; page++) {
    const response = await fetch(`${OFFERS}/offers?pageSize=500&page=${page}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`offers answered ${response.status}`);
    const body = (await response.json()) as { items: CatalogueOffer[]; total: number };
    all.push(...body.items);
    if (!body.items.length || all.length >= body.total) break;
  }
  return all.filter((o) => o.demo);
}

async function main(): Promise<void> {
  process.env.OUTBOX_RELAY = 'off'; // the running service's relay publishes what this commits
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const db = app.get(DataSource);
    const [{ count }] = await db.query('SELECT count(*)::int AS count FROM tariffs');
    if (count > 0) {
      console.log(`seed: tariffs already holds ${count} tariffs; not seeding`);
      return;
    }
    const offers = await demoOffers();
    // Tariffs learns of the offers from Kafka; wait until it knows them all.
    for (let attempt = 0; ; attempt++) {
      const [{ known }] = await db.query('SELECT count(*)::int AS known FROM tariff_offers WHERE offer_id = ANY($1)', [offers.map((o) => o.offerId)]);
      if (known === offers.length) break;
      if (attempt > 240) throw new Error(`tariffs knows ${known} of ${offers.length} demo offers after 2 minutes`);
      await new Promise((r) => setTimeout(r, 500));
    }
    const submitting = app.get(SubmittingBudget);
    const approving = app.get(ApprovingTariff);
    const year = new Date().getFullYear();
    const rnd = seededRandom(2026);
    const cause = () => { const id = randomUUID(); return { correlationId: id, causationId: id }; };
    let published = 0;
    let waiting = 0;
    for (const [i, offer] of offers.entries()) {
      const manager: Principal = { sub: 'demo-seed', name: 'Demo seed', role: 'offer-manager', organisation: { kind: 'operator', operatorKind: offer.operator.kind, id: offer.operator.id } };
      const secretariat: Principal = { sub: 'demo-seed', name: 'Demo seed', role: 'kkr-secretariat', organisation: { kind: 'region', code: offer.regionCode } };
      await submitting.submitBudget(offer.offerId, year, demoBudget(offer, rnd), manager, cause());
      if (offer.frameworkAgreement) await approving.approve(offer.offerId, year, secretariat, cause());
      published++;
      // Every seventh framework offer has next year's budget in, awaiting its secretariat.
      if (offer.frameworkAgreement && i % 7 === 0) {
        await submitting.submitBudget(offer.offerId, year + 1, demoBudget(offer, rnd), manager, cause());
        waiting++;
      }
    }
    console.log(`seed: published ${published} demo tariffs for ${year}; ${waiting} budgets for ${year + 1} await their secretariat`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(`seed: ${String(error)}`);
  process.exit(1);
});
