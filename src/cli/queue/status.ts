/** `queue status`: where a queue stands, and how fast it moves. */

import { bullPrefix, queueKeys } from './keys.js';
import { connect, disconnect, reach, loadQueueLibs } from './redis.js';

/** A queue's state. */
export interface QueueStatus {
  queue: string;
  /** Ids ever added. */
  total: number;
  /** Jobs waiting for a worker (including delayed retries and prioritised jobs). */
  waiting: number;
  /** Jobs a worker holds now. */
  active: number;
  /** Jobs waiting for a retry after a transient failure (also counted in `waiting`). */
  delayed: number;
  /** Ids whose result is stored (`queue results` writes them). */
  completed: number;
  /** Of `completed`, the error lines. */
  errors: number;
  /** Jobs BullMQ failed (a worker died on them again and again): no result. */
  failed: number;
  /** Results stored per second over the sample. */
  pagesPerSecond: number;
}

/** Reads the counts twice, `sampleMs` apart, for the rate (default 1 s; 0: no rate). */
export async function queueStatus(options: { redis: string; queue: string; sampleMs?: number }): Promise<QueueStatus> {
  const { Queue } = await loadQueueLibs();
  const keys = queueKeys(options.queue);
  const redis = await connect(options.redis, 'copydesk-status');
  await reach(redis, options.redis);
  const queue = new Queue(options.queue, { connection: redis, prefix: bullPrefix(options.queue) });
  try {
    const sampleMs = options.sampleMs ?? 1000;
    const first = await redis.scard(keys.done);
    const started = Date.now();
    if (sampleMs > 0) await new Promise((r) => setTimeout(r, sampleMs));
    const [total, completed, errors, counts] = await Promise.all([
      redis.scard(keys.ids),
      redis.scard(keys.done),
      redis.scard(keys.errors),
      queue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed'),
    ]);
    const seconds = (Date.now() - started) / 1000;
    return {
      queue: options.queue,
      total,
      waiting: (counts.waiting ?? 0) + (counts.delayed ?? 0) + (counts.prioritized ?? 0),
      active: counts.active ?? 0,
      delayed: counts.delayed ?? 0,
      completed,
      errors,
      failed: counts.failed ?? 0,
      pagesPerSecond: sampleMs > 0 && seconds > 0 ? (completed - first) / seconds : 0,
    };
  } finally {
    await queue.close();
    await disconnect(redis);
  }
}
