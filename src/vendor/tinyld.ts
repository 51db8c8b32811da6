/**
 * tinyld's light model, the one part of tinyld copydesk uses. The build ships
 * it once, as dist/vendor/tinyld.cjs, which the ES-module and the CommonJS
 * builds both load (tsup.config.ts): the model is most of its weight, and a
 * copy in each format's core chunk was a fifth of the tarball.
 */
export { detect } from 'tinyld/light';
