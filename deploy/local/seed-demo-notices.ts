// npm start, after the demo offers: a little life in notifications, once. Through the APIs, as the
// demo users would: København subscribes to vacancies for autism in Hovedstaden, and Aarhus
// Kommune's offer manager raises an early warning about one of its demo offers (it reaches the
// Midtjylland secretariat's inbox and the mail catcher). Does nothing when a warning exists.
import { fetchTokenFor } from '@tilbudsnet/auth';

const ISSUER = process.env.OIDC_ISSUER ?? 'http://localhost:3010';
const OFFERS = process.env.OFFERS_URL ?? 'http://127.0.0.1:3001';
const NOTIFICATIONS = process.env.NOTIFICATIONS_URL ?? 'http://127.0.0.1:3004';

async function call(url: string, user: string, method = 'GET', body?: unknown): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method, headers: { authorization: `Bearer ${await fetchTokenFor(ISSUER, user)}`, 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

async function main(): Promise<void> {
  const existing = await call(`${NOTIFICATIONS}/early-warnings`, 'kkr-midtjylland');
  if (existing.body?.items?.length) {
    console.log('seed: notifications already has early warnings; not seeding');
    return;
  }
  await call(`${NOTIFICATIONS}/subscriptions`, 'officer-koebenhavn', 'POST', { kind: 'vacancy-opened', scope: 'user', filter: { targetGroups: ['autism'], regions: ['1084'] } });
  const offers = await call(`${OFFERS}/offers?operator=0751&pageSize=1`, 'manager-aarhus');
  const offer = offers.body?.items?.[0];
  if (!offer) {
    console.log('seed: Aarhus Kommune runs none of the demo offers (DEMO_OFFERS is small); no demo warning');
    return;
  }
  // Notifications learns of the offer from Kafka; wait for it (404 until then).
  for (let attempt = 0; attempt < 60; attempt++) {
    const raised = await call(`${NOTIFICATIONS}/early-warnings`, 'manager-aarhus', 'POST', {
      offerId: offer.offerId, category: 'professional', severity: 'medium', description: 'To af tilbuddets nøglemedarbejdere stopper til februar (demo).',
    });
    if (raised.status === 201) {
      console.log(`seed: early warning about ${offer.name} sent to KKR Midtjylland (see the inbox and http://localhost:1080)`);
      return;
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  console.log('seed: notifications did not learn of the demo offers in time; no demo warning');
}

main().catch((error) => {
  console.error(`seed: ${String(error)}`);
  process.exit(1);
});
