/** Where each service listens by default (architecture.md, "Defaults"). */
export const DEFAULT_PORTS = {
  console: 3000,
  offers: 3001,
  visitation: 3002,
  tariffs: 3003,
  notifications: 3004,
  identity: 3010,
} as const;

export type ServiceName = 'offers' | 'visitation' | 'tariffs' | 'notifications';

/** `<SERVICE>_PORT`, else the default. */
export function portFor(service: keyof typeof DEFAULT_PORTS, env: NodeJS.ProcessEnv = process.env): number {
  return Number(env[`${service.toUpperCase()}_PORT`] ?? DEFAULT_PORTS[service]);
}

/** The database each service owns: `tilbudsnet_<service>` unless configured otherwise. */
export function databaseNameFor(service: ServiceName): string {
  return `tilbudsnet_${service}`;
}

/**
 * Connection URL of a service's own database: `<SERVICE>_DATABASE_URL` if set; else `DATABASE_URL`
 * (default postgres://postgres@127.0.0.1:5432) with the database name set to the service's own.
 */
export function databaseUrlFor(service: ServiceName, env: NodeJS.ProcessEnv = process.env): string {
  const own = env[`${service.toUpperCase()}_DATABASE_URL`];
  if (own) return own;
  const url = new URL(env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/${databaseNameFor(service)}`;
  return url.toString();
}
