import type { EntityManager } from 'typeorm';

/**
 * An organisation's e-mail address for notices it must receive: the one it set
 * (PUT /organisation/contact), else `<kind>-<code>@ORGANISATION_MAIL_DOMAIN` where that is set
 * (npm start sets it, so every demo organisation has a mailbox in the mail catcher), else none.
 */
export async function mailboxesOf(manager: EntityManager, organisations: string[], env = process.env): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (!organisations.length) return found;
  const rows: { organisation: string; email: string }[] = await manager.query(
    'SELECT organisation, email FROM organisation_contacts WHERE organisation = ANY($1)', [organisations]);
  for (const row of rows) found.set(row.organisation, row.email);
  const domain = env.ORGANISATION_MAIL_DOMAIN;
  if (domain) for (const organisation of organisations) if (!found.has(organisation)) found.set(organisation, `${organisation.replace(/:/g, '-')}@${domain}`);
  return found;
}
