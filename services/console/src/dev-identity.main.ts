// The development identity provider (OpenID Connect) on port 3010, for npm start only.
// Refuses to start in production: real users sign in at their municipality's own provider.
import { startDevIdentityProvider } from '@tilbudsnet/auth';
import { portFor } from '@tilbudsnet/platform';

if (process.env.NODE_ENV === 'production') {
  console.error('dev identity provider: not in production');
  process.exit(1);
}

const port = portFor('identity');
// Loopback only (the provider's default) unless IDENTITY_HOST says otherwise (0.0.0.0 in a container): it hands out tokens without a password.
startDevIdentityProvider({ port, host: process.env.IDENTITY_HOST, issuer: process.env.OIDC_ISSUER ?? `http://localhost:${port}` })
  .then((idp) => console.log(JSON.stringify({ level: 'info', service: 'dev-identity', msg: `issuer ${idp.issuer}` })))
  .catch((error) => {
    console.error(error);
    process.exit(1);
  });
