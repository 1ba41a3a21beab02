import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { isForbiddenAddress, isLoopbackAddress } from './address-policy';

/** Why an outbound URL is refused: the rule, as a 400 names it. */
export interface OutboundRefusal {
  rule: 'https-only' | 'no-credentials' | 'public-address-only' | 'resolvable-host' | 'valid-url';
  message: string;
}

export interface OutboundPolicy {
  /** Plain http to a loopback address, for development and tests only (`OUTBOUND_ALLOW_LOOPBACK_HTTP=on`). */
  allowLoopbackHttp: boolean;
  /** Resolves a host name; the DNS by default. */
  resolve?: (host: string) => Promise<string[]>;
}

export function outboundPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): OutboundPolicy {
  return { allowLoopbackHttp: env.OUTBOUND_ALLOW_LOOPBACK_HTTP === 'on' };
}

const resolveAll = (host: string) => new Promise<string[]>((done, fail) =>
  dnsLookup(host, { all: true, verbatim: true }, (error, addresses) => (error ? fail(error) : done((addresses as LookupAddress[]).map((a) => a.address)))));

/** The one place that decides whether an address may be called under the policy. */
function addressAllowed(address: string, protocol: string, policy: OutboundPolicy): OutboundRefusal | null {
  if (policy.allowLoopbackHttp && isLoopbackAddress(address)) return null;
  if (isForbiddenAddress(address)) return { rule: 'public-address-only', message: 'url must reach a public address (not loopback, private, link-local, metadata or reserved)' };
  if (protocol !== 'https:') return { rule: 'https-only', message: 'url must use https' };
  return null;
}

/**
 * Checks a URL we are asked to call: https only (plain http to loopback only under the dev
 * setting), no user:password, and every address its host resolves to public. Registration
 * refuses what delivery would refuse; delivery checks again, since DNS can change (rebinding).
 */
export async function checkOutboundUrl(text: string, policy: OutboundPolicy): Promise<OutboundRefusal | null> {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { rule: 'valid-url', message: 'url must be an absolute URL' };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return { rule: 'https-only', message: 'url must use https' };
  if (url.username || url.password) return { rule: 'no-credentials', message: 'url must not carry a user name or password' };
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (policy.resolve ?? resolveAll)(host);
    } catch {
      return { rule: 'resolvable-host', message: 'url must name a host that resolves' };
    }
    if (!addresses.length) return { rule: 'resolvable-host', message: 'url must name a host that resolves' };
  }
  for (const address of addresses) {
    const refusal = addressAllowed(address, url.protocol, policy);
    if (refusal) return refusal;
  }
  return null;
}

export type OutboundOutcome = { outcome: 'delivered'; status: number } | { outcome: 'refused'; rule: OutboundRefusal['rule'] } | { outcome: 'failed' };

/**
 * POSTs `body` to a checked URL: the check again, then a connection only to an address that
 * passes it (the lookup is checked at connect time too, so a name cannot re-point in between),
 * no redirects followed, a short timeout. The answer is reduced to delivered (2xx), refused or
 * failed: nothing of the target's own answer comes back to the caller.
 */
export async function postOutbound(text: string, headers: Record<string, string>, body: string, policy: OutboundPolicy, timeoutMs = 10_000): Promise<OutboundOutcome> {
  const refusal = await checkOutboundUrl(text, policy);
  if (refusal) return { outcome: 'refused', rule: refusal.rule };
  const url = new URL(text);
  const guardedLookup: LookupFunction = (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, '', 4);
      const list = addresses as LookupAddress[];
      const bad = list.find((a) => addressAllowed(a.address, url.protocol, policy));
      if (bad || !list.length) return callback(Object.assign(new Error('refused address'), { code: 'EREFUSEDADDRESS' }), '', 4);
      if ((options as { all?: boolean }).all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
  const options: RequestOptions = {
    method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) }, timeout: timeoutMs, lookup: guardedLookup,
  };
  return new Promise<OutboundOutcome>((done) => {
    const request = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, options, (response) => {
      response.resume();
      const status = response.statusCode ?? 0;
      done(status >= 200 && status < 300 ? { outcome: 'delivered', status } : { outcome: 'failed' });
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) => done(error.code === 'EREFUSEDADDRESS' ? { outcome: 'refused', rule: 'public-address-only' } : { outcome: 'failed' }));
    request.end(body);
  });
}
