/**
 * `copydesk/queue`: copydesk past one machine, on BullMQ and Redis (Node
 * only; needs the packages `bullmq` and `ioredis`). Add pages to a queue
 * with {@link addToQueue}, run {@link startWorker} on as many machines as
 * wanted, and read the results with {@link writeResults}; {@link queueStatus}
 * tells where a run stands. The CLI's `copydesk queue` commands are these
 * functions.
 *
 * @packageDocumentation
 */
export { addToQueue, RETRY_DEFAULTS, type AddOptions, type AddSummary, type PayloadMode } from './cli/queue/add.js';
export { startWorker, type QueueWorker, type WorkOptions, type WorkSummary } from './cli/queue/work.js';
export { writeResults, type ResultsOptions } from './cli/queue/results.js';
export { queueStatus, type QueueStatus } from './cli/queue/status.js';
export { bullPrefix, jobIdOf, queueKeys, type QueueKeys } from './cli/queue/keys.js';
