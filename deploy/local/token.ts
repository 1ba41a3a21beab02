// npm run --silent token -- <demo-user>: prints an access token for a demo user of the dev
// identity provider (development only). `npm run --silent token` lists the demo users.
import { DEMO_USERS, fetchTokenFor } from '@tilbudsnet/auth';

const user = process.argv[2];
if (!user) {
  console.error('usage: npm run --silent token -- <demo-user>\n\ndemo users:');
  for (const u of DEMO_USERS) console.error(`  ${u.id.padEnd(22)} ${u.role.padEnd(19)} ${u.name}`);
  process.exit(2);
}
fetchTokenFor(process.env.OIDC_ISSUER ?? 'http://localhost:3010', user)
  .then((token) => console.log(token))
  .catch((error) => {
    console.error(String(error));
    process.exit(1);
  });
