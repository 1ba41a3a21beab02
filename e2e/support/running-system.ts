import type { INestApplication } from '@nestjs/common';
import {
  createTestDatabase, startMailCatcher, startTestIdentity, testKafkaBrokers, uniqueGroupId, type MailCatcher, type TestDatabase, type TestIdentity,
} from '@tilbudsnet/testing';
import { startConsole, type RunningConsole } from '@tilbudsnet/console';
import { createNotificationsApp } from '@tilbudsnet/notifications';
import { createOffersApp } from '@tilbudsnet/offers';
import { createTariffsApp } from '@tilbudsnet/tariffs';
import { createVisitationApp } from '@tilbudsnet/visitation';

/** Offers, visitation, tariffs and notifications, each on its own fresh database and a free port, on the test broker; a mail catcher. */
export interface RunningSystem {
  offers: { app: INestApplication; url: string; db: TestDatabase };
  visitation: { app: INestApplication; url: string; db: TestDatabase };
  tariffs: { app: INestApplication; url: string; db: TestDatabase };
  notifications: { app: INestApplication; url: string; db: TestDatabase };
  mail: MailCatcher;
  identity: TestIdentity;
  /** Takes offers down (HTTP and consumer), as when the service is unavailable. */
  stopOffers(): Promise<void>;
  /** Brings offers back on the same port, database and consumer group. */
  restartOffers(): Promise<void>;
  stop(): Promise<void>;
}

export async function startSystem(label: string): Promise<RunningSystem> {
  process.env.KAFKA_BROKERS = await testKafkaBrokers();
  const identity = await startTestIdentity();
  const offersDb = await createTestDatabase(`${label}_offers`);
  const visitationDb = await createTestDatabase(`${label}_visitation`);
  const tariffsDb = await createTestDatabase(`${label}_tariffs`);
  const notificationsDb = await createTestDatabase(`${label}_notifications`);
  process.env.NOTIFICATIONS_DATABASE_URL = notificationsDb.url;
  const mail = await startMailCatcher({ smtpPort: 0, httpPort: 0 });
  process.env.SMTP_URL = `smtp://127.0.0.1:${mail.smtpPort}`;
  process.env.ORGANISATION_MAIL_DOMAIN = 'postkasse.test';
  process.env.DELIVERY_INTERVAL_MS ??= '200';
  // Tests receive webhooks on plain http at 127.0.0.1 (the dev setting); e2e/attacks turns it off.
  process.env.OUTBOUND_ALLOW_LOOPBACK_HTTP ??= 'on';
  process.env.DELIVERY_RETRY_BASE_MS ??= '300';
  process.env.TARIFFS_DATABASE_URL = tariffsDb.url;
  process.env.OFFERS_DATABASE_URL = offersDb.url;
  process.env.VISITATION_DATABASE_URL = visitationDb.url;

  // Tests run the scheduled jobs themselves, at the time they choose.
  process.env.OFFERS_JOB_INTERVAL_MS = '0';
  process.env.VISITATION_JOB_INTERVAL_MS = '0';
  process.env.NOTIFICATIONS_JOB_INTERVAL_MS = '0';
  const offersGroup = uniqueGroupId(`${label}-offers`);
  const startOffers = async (port = 0) => {
    const app = await createOffersApp({ consumerGroup: offersGroup, sessionTimeoutMs: 6000 });
    await app.startAllMicroservices();
    await app.listen(port, '127.0.0.1');
    return app;
  };
  let offers = await startOffers();
  const visitation = await createVisitationApp({ consumerGroup: uniqueGroupId(`${label}-visitation`), sessionTimeoutMs: 6000 });
  await visitation.startAllMicroservices();
  await visitation.listen(0, '127.0.0.1');
  const tariffs = await createTariffsApp({ consumerGroup: uniqueGroupId(`${label}-tariffs`), sessionTimeoutMs: 6000 });
  await tariffs.startAllMicroservices();
  await tariffs.listen(0, '127.0.0.1');
  const notifications = await createNotificationsApp({ consumerGroup: uniqueGroupId(`${label}-notifications`), sessionTimeoutMs: 6000 });
  await notifications.startAllMicroservices();
  await notifications.listen(0, '127.0.0.1');

  const system: RunningSystem = {
    offers: { app: offers, url: (await offers.getUrl()).replace('[::1]', '127.0.0.1'), db: offersDb },
    visitation: { app: visitation, url: (await visitation.getUrl()).replace('[::1]', '127.0.0.1'), db: visitationDb },
    tariffs: { app: tariffs, url: (await tariffs.getUrl()).replace('[::1]', '127.0.0.1'), db: tariffsDb },
    notifications: { app: notifications, url: (await notifications.getUrl()).replace('[::1]', '127.0.0.1'), db: notificationsDb },
    mail,
    identity,
    async stopOffers() {
      await offers.close();
    },
    async restartOffers() {
      offers = await startOffers(Number(new URL(system.offers.url).port));
      system.offers.app = offers;
    },
    async stop() {
      await identity.stop();
      await visitation.close();
      await tariffs.close();
      await notifications.close();
      await offers.close().catch(() => undefined);
      await mail.stop();
      await notificationsDb.drop();
      await tariffsDb.drop();
      await visitationDb.drop();
      await offersDb.drop();
    },
  };
  return system;
}

export async function call(url: string, method: string, body?: unknown, headers: Record<string, string> = {}): Promise<{ status: number; body: any }> {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('spreadsheetml')) return { status: response.status, body: Buffer.from(await response.arrayBuffer()) };
  const text = await response.text();
  return { status: response.status, body: type.includes('json') && text ? JSON.parse(text) : text };
}

/** The console in front of a running system, on a free port (live updates from the test broker unless turned off). */
export function startConsoleFor(system: RunningSystem, options: { liveUpdates?: boolean } = {}): Promise<RunningConsole> {
  return startConsole({
    port: 0, issuer: system.identity.issuer, ...options,
    services: { offers: system.offers.url, visitation: system.visitation.url, tariffs: system.tariffs.url, notifications: system.notifications.url },
  });
}
