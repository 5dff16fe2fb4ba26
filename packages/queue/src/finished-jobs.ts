import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { BlobStore } from './blob-store.ts';
import type { Keys } from './keys.ts';

/** What a waiting request heard about its job: `result` is the stored JSON when it came along. */
export interface JobNotice {
  result?: string;
}

/** One job being watched. */
export interface FinishedWatch {
  /** The next notice of the job finishing (or one heard since the last call); null when `timeoutMs` passed first. */
  until(timeoutMs: number): Promise<JobNotice | null>;
  close(): void;
}

/**
 * How a request waiting on a job learns that it finished, without following BullMQ's events
 * stream (a read per job event, in every API process):
 * - a reply: the API process marks the jobs it holds a request open for with its own channel, and
 *   the worker publishes the result there in the same round trip that stores it;
 * - an announcement to every API process once a job is final (completed, or failed for good),
 *   published by the worker after BullMQ recorded it, with the blob release.
 * Either can be missed (a worker dying at the wrong moment, a reconnect), so waiters also re-read
 * the job's state now and then.
 */
export class FinishedJobs {
  private readonly watchers = new Map<string, Set<(notice: JobNotice) => void>>();
  // Waits in progress, each to be ended at once by stopWaiting.
  private readonly waits = new Set<() => void>();
  private stopped = false;
  /** This process's reply channel, for the jobs it waits on. */
  readonly replyChannel: string;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
  ) {
    this.replyChannel = keys.replyChannel(randomBytes(8).toString('hex'));
  }

  /** Worker side: drops the job's blob reference (when it has one) and announces the job as final. */
  async settle(blobs: BlobStore, jobId: string, blobKey: string | undefined): Promise<void> {
    if (blobKey === undefined) await this.redis.publish(this.keys.finishedChannel, jobId);
    else await blobs.release(blobKey, { channel: this.keys.finishedChannel, message: jobId });
  }

  /** API side: subscribes `subscriber` (a connection that then can only listen) to replies and announcements. */
  async listen(subscriber: Redis): Promise<void> {
    subscriber.on('message', (channel: string, message: string) => {
      if (channel === this.keys.finishedChannel) this.notify(message, {});
      else if (channel === this.replyChannel) {
        // "<job id> <result JSON>", or the id alone when the result was too large to come along.
        const space = message.indexOf(' ');
        if (space < 0) this.notify(message, {});
        else this.notify(message.slice(0, space), { result: message.slice(space + 1) });
      }
    });
    await subscriber.subscribe(this.keys.finishedChannel, this.replyChannel);
  }

  /**
   * Ends every wait now, and any later one at once (`until` gives null): a process shutting down
   * answers its waiting requests with where to poll instead of dropping them.
   */
  stopWaiting(): void {
    this.stopped = true;
    for (const end of [...this.waits]) end();
  }

  get waitingStopped(): boolean {
    return this.stopped;
  }

  private notify(jobId: string, notice: JobNotice): void {
    for (const heard of this.watchers.get(jobId) ?? []) heard(notice);
  }

  /** Starts watching now: a job watched from before it is enqueued cannot finish unheard. */
  watch(jobId: string): FinishedWatch {
    // Notices heard and not yet taken by `until`, merged: a result heard is kept.
    let pending: JobNotice | null = null;
    let wake: (() => void) | undefined;
    const heard = (notice: JobNotice) => {
      pending = { ...pending, ...notice };
      wake?.();
    };
    const take = () => {
      const notice = pending;
      pending = null;
      return notice;
    };
    let watchers = this.watchers.get(jobId);
    if (!watchers) this.watchers.set(jobId, (watchers = new Set()));
    watchers.add(heard);
    return {
      until: (timeoutMs) => {
        if (pending) return Promise.resolve(take());
        if (this.stopped) return Promise.resolve(null);
        return new Promise<JobNotice | null>((resolve) => {
          const finish = (notice: JobNotice | null) => {
            clearTimeout(timer);
            wake = undefined;
            this.waits.delete(end);
            resolve(notice);
          };
          const end = () => finish(null);
          const timer = setTimeout(end, timeoutMs);
          this.waits.add(end);
          wake = () => finish(take());
        });
      },
      close: () => {
        watchers.delete(heard);
        if (watchers.size === 0 && this.watchers.get(jobId) === watchers) this.watchers.delete(jobId);
      },
    };
  }

  /** How many jobs are being watched: a watch left open would show here. */
  get watchedJobs(): number {
    return this.watchers.size;
  }
}
