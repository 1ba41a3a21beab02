// The development mail catcher npm start runs: SMTP on MAIL_CATCHER_SMTP_PORT (1025), web and API on MAIL_CATCHER_HTTP_PORT (1080).
import { startMailCatcher } from '@tilbudsnet/testing';

startMailCatcher({
  smtpPort: Number(process.env.MAIL_CATCHER_SMTP_PORT ?? 1025), httpPort: Number(process.env.MAIL_CATCHER_HTTP_PORT ?? 1080), host: process.env.MAIL_CATCHER_HOST,
})
  .then((catcher) => console.log(`mail catcher: SMTP 127.0.0.1:${catcher.smtpPort}, messages at ${catcher.url}/ and ${catcher.url}/api/messages`))
  .catch((error) => {
    console.error(`mail catcher failed to start: ${(error as Error).message}`);
    process.exit(1);
  });
