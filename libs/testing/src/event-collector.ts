import { randomUUID } from 'node:crypto';
import type { BusConsumer, IncomingMessage, MessageBus } from '@tilbudsnet/messaging';
import { waitUntil } from './wait-until';

/** A consumer group id no other test run shares, so tests never wait on each other's rebalances. */
export function uniqueGroupId(label: string): string {
  return `test-${label}-${randomUUID().slice(0, 8)}`;
}

/**
 * Reads topics into memory for assertions. `start` resolves after the group join, so nothing
 * published after it is missed.
 */
export class EventCollector {
  readonly messages: IncomingMessage[] = [];
  private consumer: BusConsumer | null = null;

  constructor(private readonly bus: MessageBus, private readonly topics: string[], private readonly fromBeginning = false) {}

  async start(): Promise<this> {
    this.consumer = this.bus.consumer({ groupId: uniqueGroupId('collector'), sessionTimeoutMs: 6000, heartbeatIntervalMs: 500 });
    await this.consumer.start(this.topics, this.fromBeginning, async (m) => {
      this.messages.push(m);
    });
    return this;
  }

  /** Decoded bodies of the messages whose JSON parses. */
  events<T = Record<string, unknown>>(): T[] {
    return this.messages.flatMap((m) => {
      try {
        return [JSON.parse(m.value ?? '') as T];
      } catch {
        return [];
      }
    });
  }

  async waitFor(predicate: (messages: IncomingMessage[]) => boolean, timeoutMs = 20000, what = 'messages'): Promise<IncomingMessage[]> {
    await waitUntil(() => predicate(this.messages), { timeoutMs, what });
    return this.messages;
  }

  async stop(): Promise<void> {
    await this.consumer?.stop();
  }
}
