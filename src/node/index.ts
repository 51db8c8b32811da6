/**
 * `copydesk/node`: the Node-only entry of copydesk. It adds
 * {@link extractMany}, extraction of many pages on a pool of worker threads,
 * to everything the core entry `copydesk` exports (which stays browser-safe).
 *
 * @packageDocumentation
 */
export * from '../index.js';
export type * from './types.js';
export { extractMany, WINDOW_PER_WORKER } from './many.js';
export { defaultConcurrency } from './pool.js';
