import { Module, type DynamicModule } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { MessagingNotifyOrigin1764100000000, MessagingRebuilds1764000000000, MessagingRetention1763900000000, MessagingTables1763800000000 } from '@tilbudsnet/messaging';
import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { databaseUrlFor, type ServiceName } from './service-config';

export interface DatabaseOptions {
  entities: MixedList<Function | string | EntitySchema>;
  /** The service's own migrations; the messaging tables' migration is added in front. */
  migrations: Function[];
}

/**
 * This process's name on its database connections (`pg_stat_activity.application_name`): the
 * service and a random instance id, so an operator tells replicas apart and the outbox relay tells
 * its own instance's commits from others' (the outbox's NOTIFY carries it).
 */
const INSTANCE_NAME_SUFFIX = randomBytes(4).toString('hex');
export const instanceApplicationName = (service: ServiceName): string => `tilbudsnet-${service}-${INSTANCE_NAME_SUFFIX}`;

/** TypeORM options of a service's own database. Schema only by migrations, never `synchronize`. */
export function dataSourceOptionsFor(service: ServiceName, options: DatabaseOptions, env = process.env): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrlFor(service, env),
    applicationName: instanceApplicationName(service),
    entities: options.entities,
    migrations: [MessagingTables1763800000000, MessagingRetention1763900000000, MessagingRebuilds1764000000000, MessagingNotifyOrigin1764100000000, ...options.migrations],
    migrationsTableName: 'migrations',
    synchronize: false,
    logging: false,
    extra: { max: Number(env.DATABASE_POOL_SIZE ?? 10), connectionTimeoutMillis: 5000 },
  };
}

@Module({})
export class DatabaseModule {
  static forService(service: ServiceName, options: DatabaseOptions): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        // A factory, so the environment is read when the app is created, not when the module is imported.
        TypeOrmModule.forRootAsync({
          useFactory: () => ({
            ...dataSourceOptionsFor(service, options),
            migrationsRun: true,
            migrationsTransactionMode: 'all' as const,
            retryAttempts: 20,
            retryDelay: 1000,
          }),
        }),
      ],
    };
  }
}
