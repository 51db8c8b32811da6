/**
 * Test setup. Property-based tests explore new inputs on every local run, but
 * CI runs them with a fixed seed so that a landing is never decided by chance;
 * set FC_SEED to replay a failure a local run reported.
 */
import fc from 'fast-check';

const seed = process.env.FC_SEED ? Number(process.env.FC_SEED) : process.env.CI ? 20261127 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
