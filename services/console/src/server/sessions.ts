import { randomBytes } from 'node:crypto';

export interface SignedInUser {
  sub: string;
  name: string;
  role: string;
  municipality?: string;
  operator?: string;
  region?: string;
}

interface Session {
  accessToken: string;
  user: SignedInUser;
  expiresAt: number;
  /** Sent by the console's own pages in `X-CSRF-Token` with every change; another site cannot read it. */
  csrfToken: string;
}

/**
 * Sessions of signed-in users, kept in this process: the access token never reaches the browser,
 * which holds only an opaque httpOnly cookie. (With several console replicas, use sticky sessions
 * or move this map to a shared store.)
 */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();

  create(accessToken: string, user: SignedInUser, expiresInSeconds: number): string {
    const id = randomBytes(32).toString('base64url');
    this.sessions.set(id, { accessToken, user, expiresAt: Date.now() + expiresInSeconds * 1000, csrfToken: randomBytes(32).toString('base64url') });
    return id;
  }

  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const session = this.sessions.get(id);
    if (session && session.expiresAt < Date.now()) {
      this.sessions.delete(id);
      return undefined;
    }
    return session;
  }

  end(id: string | undefined): void {
    if (id) this.sessions.delete(id);
  }
}

export function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}
