import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface CaughtMail {
  id: number;
  from: string;
  to: string[];
  subject: string;
  text: string;
  receivedAt: string;
}

export interface MailCatcher {
  smtpPort: number;
  httpPort: number;
  /** `http://127.0.0.1:<httpPort>`: GET /api/messages, DELETE /api/messages, and a page at /. */
  url: string;
  messages: CaughtMail[];
  stop(): Promise<void>;
}

const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

/**
 * The development mail catcher: accepts every message over SMTP (no auth, no TLS) and shows it over
 * HTTP, so `npm start` and the tests can read what notifications sent. Port 0 picks a free port.
 */
export async function startMailCatcher(options: { smtpPort?: number; httpPort?: number; host?: string } = {}): Promise<MailCatcher> {
  const host = options.host ?? '127.0.0.1';
  const messages: CaughtMail[] = [];
  let next = 1;
  const smtp = new SMTPServer({
    authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false, banner: 'Tilbudsnet mail catcher',
    onData(stream, session, callback) {
      simpleParser(stream)
        .then((mail) => {
          messages.push({
            id: next++, from: mail.from?.text ?? (session.envelope.mailFrom ? session.envelope.mailFrom.address : ''),
            to: session.envelope.rcptTo.map((r) => r.address), subject: mail.subject ?? '', text: mail.text ?? '', receivedAt: new Date().toISOString(),
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve, reject) => {
    smtp.once('error', reject);
    smtp.listen(options.smtpPort ?? 1025, host, () => resolve());
  });
  const http: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname === '/api/messages' && request.method === 'GET') {
      const to = url.searchParams.get('to');
      response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(to ? messages.filter((m) => m.to.includes(to)) : messages));
    } else if (url.pathname === '/api/messages' && request.method === 'DELETE') {
      messages.length = 0;
      response.writeHead(204).end();
    } else if (url.pathname === '/' && request.method === 'GET') {
      const rows = [...messages].reverse().map((m) => `<li><strong>${escape(m.subject)}</strong> til ${escape(m.to.join(', '))} <small>${m.receivedAt}</small><pre>${escape(m.text)}</pre></li>`).join('');
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
        .end(`<!doctype html><html lang="da"><head><meta charset="utf-8"><title>Tilbudsnet mail catcher</title></head><body><h1>Opfangede e-mails (${messages.length})</h1><ul>${rows}</ul></body></html>`);
    } else {
      response.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.httpPort ?? 1080, host, () => resolve());
  });
  const smtpPort = (smtp.server.address() as AddressInfo).port;
  const httpPort = (http.address() as AddressInfo).port;
  return {
    smtpPort, httpPort, url: `http://${host}:${httpPort}`, messages,
    async stop() {
      http.closeAllConnections();
      await new Promise<void>((resolve) => http.close(() => resolve()));
      await new Promise<void>((resolve) => smtp.close(() => resolve()));
    },
  };
}
