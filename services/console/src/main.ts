import { startConsole } from './server/console-app';

export { startConsole, type RunningConsole } from './server/console-app';

if (require.main === module) {
  const env = process.env;
  const port = Number(env.CONSOLE_PORT ?? 3000);
  startConsole({
    port, host: env.CONSOLE_HOST ?? '0.0.0.0', publicUrl: env.CONSOLE_PUBLIC_URL ?? `http://localhost:${port}`, issuer: env.OIDC_ISSUER ?? 'http://localhost:3010',
    services: {
      offers: env.OFFERS_URL ?? 'http://127.0.0.1:3001', visitation: env.VISITATION_URL ?? 'http://127.0.0.1:3002',
      tariffs: env.TARIFFS_URL ?? 'http://127.0.0.1:3003', notifications: env.NOTIFICATIONS_URL ?? 'http://127.0.0.1:3004',
    },
  }).then((c) => console.log(JSON.stringify({ level: 'info', service: 'console', msg: `listening on ${c.url}` })), (error) => {
    console.error(error);
    process.exit(1);
  });
}
