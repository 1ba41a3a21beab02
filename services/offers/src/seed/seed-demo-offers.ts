// Seeds the demo catalogue once (npm start): through the RegisteringOffer use case, so every offer
// leaves as an OfferRegistered event through the outbox, as if each operator's manager had
// registered it. Does nothing when offers already holds offers.
import { NestFactory } from '@nestjs/core';
import type { Principal } from '@tilbudsnet/auth';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { RegisteringOffer } from '../offers/register-offer/registering-offer';
import { demoOfferRequests } from './demo-offers';
import { demoSingleServiceRequests } from './demo-single-services';

async function main(): Promise<void> {
  process.env.OUTBOX_RELAY = 'off'; // the running service's relay publishes what this commits
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const [{ count }] = await app.get(DataSource).query('SELECT count(*)::int AS count FROM offers');
    if (count > 0) {
      console.log(`seed: offers already holds ${count} offers; not seeding`);
      return;
    }
    const registering = app.get(RegisteringOffer);
    const requests = [...demoOfferRequests(Number(process.env.DEMO_OFFERS ?? 320)), ...demoSingleServiceRequests()];
    const correlationId = randomUUID();
    for (const request of requests) {
      const manager: Principal = {
        sub: 'demo-seed', name: 'Demo seed', role: 'offer-manager',
        organisation: { kind: 'operator', operatorKind: request.operator.kind, id: request.operator.id },
      };
      await registering.register(request, manager, { correlationId, causationId: correlationId });
    }
    console.log(`seed: registered ${requests.length} demo offers over 5 regions, 98 municipalities and 3 kinds of operator, ${demoSingleServiceRequests().length} of them single services`);
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  console.error(String(error));
  process.exit(1);
});
