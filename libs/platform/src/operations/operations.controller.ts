import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Roles } from '@tilbudsnet/auth';
import { ALL_TOPICS, RuleViolation } from '@tilbudsnet/contracts';
import { MESSAGE_BUS, MessagingStats, OtherReplicasRunning, ReadModelRebuilds, RebuildRunning, type MessageBus, type RebuildStatus } from '@tilbudsnet/messaging';
import { IsIn, IsInt, IsOptional, Matches, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { deadLettersOf, replayDeadLetters, type DeadLetterView } from './dead-letters';

export class DeadLetterQuery {
  @ApiPropertyOptional({ enum: ALL_TOPICS, description: 'the original topic' }) @IsOptional() @IsIn(ALL_TOPICS) topic?: string;
}

export class ReplayRequest {
  @ApiProperty({ enum: ALL_TOPICS, description: 'the original topic whose dead letters go back' }) @IsIn(ALL_TOPICS) topic: string;
  @ApiPropertyOptional({ description: 'with offset: replay one dead letter' }) @IsOptional() @IsInt() @Min(0) partition?: number;
  @ApiPropertyOptional() @IsOptional() @Matches(/^\d{1,19}$/, { message: 'offset must be a Kafka offset (digits)' }) offset?: string;
}

/** Operations (admin): dead letters (list, inspect, replay) and read-model rebuilds with progress. */
@ApiTags('operations')
@ApiBearerAuth()
@Controller('admin')
export class OperationsController {
  constructor(
    @Inject(MESSAGE_BUS) private readonly bus: MessageBus, private readonly dataSource: DataSource, private readonly rebuilds: ReadModelRebuilds,
    private readonly stats: MessagingStats,
  ) {}

  @ApiOperation({ summary: "List dead letters", description: "Operations: messages a consumer could not handle, per topic, with the reason." })
  @Get('dead-letters')
  @Roles('admin')
  async deadLetters(@Query() query: DeadLetterQuery): Promise<{ items: DeadLetterView[] }> {
    return { items: (await deadLettersOf(this.bus, this.dataSource, this.stats.consumer?.group ?? null, query.topic)).map((l) => l.view) };
  }

  /** One dead letter whole: the original message and its headers. */
  @ApiOperation({ summary: "Read one dead letter", description: "The original message and its headers." })
  @Get('dead-letters/:topic/:partition/:offset')
  @Roles('admin')
  async deadLetter(@Param('topic') topic: string, @Param('partition') partition: string, @Param('offset') offset: string) {
    const original = topic.replace(/\.dlq$/, '');
    if (!(ALL_TOPICS as readonly string[]).includes(original)) throw new RuleViolation('topic', 'isIn', `topic must be one of ${ALL_TOPICS.map((t) => `${t}.dlq`).join(', ')}`, 422);
    const found = (await deadLettersOf(this.bus, this.dataSource, this.stats.consumer?.group ?? null, original)).find((l) => String(l.view.partition) === partition && l.view.offset === offset);
    if (!found) throw new RuleViolation('offset', 'known-dead-letter', `no dead letter of this service at ${topic}/${partition}/${offset}`, 404);
    return { ...found.view, key: found.message.key, value: found.message.value, headers: found.message.headers };
  }

  /** After a fix: the unresolved dead letters of a topic (or one of them) go back to the topic. */
  @ApiOperation({ summary: "Replay dead letters", description: "After a fix: the unresolved dead letters of a topic (or one of them) go back to the topic." })
  @Post('dead-letters/replay')
  @HttpCode(200)
  @Roles('admin')
  async replay(@Body() body: ReplayRequest): Promise<{ replayed: number }> {
    const letters = (await deadLettersOf(this.bus, this.dataSource, this.stats.consumer?.group ?? null, body.topic))
      .filter((l) => l.view.status === 'unresolved')
      .filter((l) => body.offset === undefined || (l.view.offset === body.offset && l.view.partition === (body.partition ?? 0)));
    return { replayed: await replayDeadLetters(this.bus, letters.map((l) => l.message)) };
  }

  @ApiOperation({ summary: "List read models and rebuild progress", description: "Operations: each read model this service keeps from other services' events." })
  @Get('read-models')
  @Roles('admin')
  readModels(): { items: RebuildStatus[] } {
    return { items: this.rebuilds.list() };
  }

  /** Starts a rebuild and answers at once; follow its progress at GET /admin/read-models. */
  @ApiOperation({ summary: "Rebuild a read model", description: "Starts a rebuild from the topics' history and answers at once; follow it at GET /admin/read-models." })
  @Post('read-models/:name/rebuild')
  @HttpCode(202)
  @Roles('admin')
  async rebuild(@Param('name') name: string): Promise<RebuildStatus> {
    if (!this.rebuilds.get(name)) throw new RuleViolation('name', 'known-read-model', `no read model ${name}; this service has: ${this.rebuilds.definitions.map((d) => d.name).join(', ') || 'none'}`, 404);
    try {
      return (await this.rebuilds.start(name)).status;
    } catch (error) {
      if (error instanceof RebuildRunning) throw new RuleViolation('name', 'one-rebuild-at-a-time', error.message, 409);
      if (error instanceof OtherReplicasRunning) throw new RuleViolation('name', 'one-replica-while-rebuilding', error.message, 409);
      throw error;
    }
  }
}
