import { Controller, Get, HttpCode, HttpException, HttpStatus, Inject } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { MESSAGE_BUS, MessagingStats, type MessageBus } from '@tilbudsnet/messaging';
import { DataSource } from 'typeorm';
import { Public } from '@tilbudsnet/auth';

/** `/health/live`: the process answers. `/health/ready`: its database and Kafka answer, and its consumer runs. */
@ApiTags('health')
@Public()
@Controller('health')
export class HealthController {
  constructor(private readonly dataSource: DataSource, @Inject(MESSAGE_BUS) private readonly bus: MessageBus, private readonly stats: MessagingStats) {}

  @ApiOperation({ summary: "Liveness", description: "The process answers." })
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @ApiOperation({ summary: "Readiness", description: "The database and Kafka answer too, and the event consumer runs." })
  @Get('ready')
  async ready(): Promise<{ status: 'ok'; database: 'up'; kafka: 'up'; consumer: 'up' }> {
    const [database, kafka] = await Promise.all([this.databaseUp(), this.kafkaUp()]);
    const consumer = this.stats.consumerUp;
    if (!database || !kafka || !consumer) {
      throw new HttpException(
        { status: 'unavailable', database: database ? 'up' : 'down', kafka: kafka ? 'up' : 'down', consumer: consumer ? 'up' : 'down' },
        HttpStatus.SERVICE_UNAVAILABLE,
      );
    }
    return { status: 'ok', database: 'up', kafka: 'up', consumer: 'up' };
  }

  private async databaseUp(): Promise<boolean> {
    try {
      await this.dataSource.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  private async kafkaUp(): Promise<boolean> {
    let admin;
    try {
      admin = await this.bus.admin();
      return await admin.ping();
    } catch {
      return false;
    } finally {
      await admin?.disconnect().catch(() => undefined);
    }
  }
}
