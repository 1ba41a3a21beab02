// The development identity provider (OpenID Connect, oidc-provider) on port 3010, for npm start
// and tests only. Refuses to start in production: real users sign in at their municipality's own
// provider. Prints one line with its issuer once it listens (tests read it).
import { startDevIdentityProvider, type JWK } from '@tilbudsnet/auth';
import { portFor } from '@tilbudsnet/platform';

if (process.env.NODE_ENV === 'production') {
  console.error('dev identity provider: not in production');
  process.exit(1);
}

const port = portFor('identity');
// IDENTITY_SIGNING_KEY: a private RS256 JWK (tests pass theirs); otherwise a fresh key per start.
const signingKey = process.env.IDENTITY_SIGNING_KEY ? (JSON.parse(process.env.IDENTITY_SIGNING_KEY) as JWK) : undefined;
// Loopback only unless IDENTITY_HOST says otherwise (0.0.0.0 in a container).
startDevIdentityProvider({ port, host: process.env.IDENTITY_HOST, issuer: process.env.OIDC_ISSUER || undefined, signingKey })
  .then((idp) => console.log(JSON.stringify({ level: 'info', service: 'dev-identity', msg: 'listening', issuer: idp.issuer, address: idp.address })))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
