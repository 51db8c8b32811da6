/**
 * Loading BullMQ and ioredis (optional peer dependencies: only `copydesk
 * queue` needs them) and opening Redis connections.
 */

import type { Queue as BullQueue, Worker as BullWorker } from 'bullmq';
import type { Redis } from 'ioredis';
import { CopydeskError } from '../../errors.js';

/** The two libraries, loaded on first use. */
export interface QueueLibs {
  Queue: typeof BullQueue;
  Worker: typeof BullWorker;
  Redis: typeof Redis;
}

let libs: Promise<QueueLibs> | null = null;

/**
 * BullMQ and ioredis, imported on first use so that the rest of copydesk
 * runs without them. Throws a `CopydeskError` (`ERR_MISSING_PEER_DEPENDENCY`)
 * naming the command that installs them.
 */
export function loadQueueLibs(): Promise<QueueLibs> {
  libs ??= (async () => {
    try {
      const [bullmq, ioredis] = await Promise.all([import('bullmq'), import('ioredis')]);
      return { Queue: bullmq.Queue, Worker: bullmq.Worker, Redis: ioredis.Redis ?? (ioredis.default as unknown as typeof Redis) };
    } catch (e) {
      libs = null;
      throw new CopydeskError(
        'ERR_MISSING_PEER_DEPENDENCY',
        `copydesk queue needs the packages bullmq and ioredis: npm install bullmq ioredis (${e instanceof Error ? e.message.split('\n', 1)[0] : String(e)})`,
      );
    }
  })();
  return libs;
}

/**
 * A connection to `url` (`redis://[user:password@]host:port[/db]`,
 * `rediss://` for TLS). Commands wait while Redis is down and are sent
 * once it is back (`maxRetriesPerRequest: null`, which BullMQ's workers
 * require): a restarted Redis delays a run, it does not fail it. The delay
 * between reconnection attempts grows to at most a second.
 */
export async function connect(url: string, name: string): Promise<Redis> {
  const { Redis: RedisClient } = await loadQueueLibs();
  const client = new RedisClient(url, {
    maxRetriesPerRequest: null,
    connectionName: name,
    retryStrategy: (times) => Math.min(100 * times, 1000),
  });
  // Connection errors are retried by the client; without a listener, Node would print each one.
  client.on('error', () => {});
  return client;
}

/** Closes a connection, dropping it if Redis does not answer the QUIT. */
export async function disconnect(client: Redis): Promise<void> {
  await Promise.race([client.quit().catch(() => {}), new Promise((r) => setTimeout(r, 2000).unref())]);
  client.disconnect();
}

/** How long a command that needs Redis now waits for it before it gives up, in ms. */
const REACH_TIMEOUT_MS = 10_000;

/**
 * Waits until Redis answers (for commands run by hand: `add`, `results`,
 * `status`), or throws a `CopydeskError` (`ERR_REDIS_UNREACHABLE`) after
 * {@link REACH_TIMEOUT_MS}. Workers do not ask: they wait for Redis.
 */
export async function reach(client: Redis, url: string): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new CopydeskError('ERR_REDIS_UNREACHABLE', `cannot reach Redis at ${redacted(url)} (no answer in ${REACH_TIMEOUT_MS / 1000} s)`)),
      REACH_TIMEOUT_MS,
    );
  });
  try {
    await Promise.race([client.ping(), timeout]);
  } catch (e) {
    client.disconnect();
    throw e;
  } finally {
    clearTimeout(timer);
  }
}

/** A Redis URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.href;
  } catch {
    return url;
  }
}
