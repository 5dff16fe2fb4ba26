import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { controlMessageSchema, reloadAckSchema, type ControlMessage, type ReloadAck } from '@ocr/contracts';
import type { Keys } from './keys.ts';

/**
 * Model reload: the API publishes a request, each worker reloads between jobs and pushes its
 * acknowledgement onto a list the API blocks on.
 */
export class ControlChannel {
  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {}

  async requestReload(): Promise<string> {
    const message: ControlMessage = { type: 'reload', request_id: randomUUID() };
    await this.redis.publish(this.keys.controlChannel, JSON.stringify(message));
    return message.request_id;
  }

  /** Waits for `expected` acknowledgements or the deadline; needs a connection of its own (it blocks). */
  async collectAcks(blocking: Redis, requestId: string, expected: number, timeoutMs: number): Promise<ReloadAck[]> {
    const acks: ReloadAck[] = [];
    const deadline = Date.now() + timeoutMs;
    while (acks.length < expected) {
      const left = deadline - Date.now();
      if (left <= 0) break;
      const popped = await blocking.blpop(this.keys.reloadAcks(requestId), Math.max(0.01, left / 1000));
      if (!popped) break;
      acks.push(reloadAckSchema.parse(JSON.parse(popped[1])));
    }
    return acks;
  }

  async acknowledge(requestId: string, ack: ReloadAck): Promise<void> {
    const key = this.keys.reloadAcks(requestId);
    await this.redis.multi().rpush(key, JSON.stringify(ack)).expire(key, 600).exec();
  }

  /** Subscribes `subscriber` (a connection that then can only listen) to control messages. */
  async listen(subscriber: Redis, onMessage: (message: ControlMessage) => void): Promise<void> {
    subscriber.on('message', (channel: string, raw: string) => {
      if (channel !== this.keys.controlChannel) return;
      let message: unknown;
      try {
        message = JSON.parse(raw);
      } catch {
        return;
      }
      const parsed = controlMessageSchema.safeParse(message);
      if (parsed.success) onMessage(parsed.data);
    });
    await subscriber.subscribe(this.keys.controlChannel);
  }
}
