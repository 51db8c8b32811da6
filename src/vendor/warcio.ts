/**
 * The part of warcio the CLI's WARC reader and the queue's WARC references
 * use: the parser and its two readers. The build ships it once, as
 * dist/vendor/warcio.cjs, loaded on first use by both module formats
 * (tsup.config.ts). Naming the three classes, instead of importing the whole
 * package, leaves warcio's writer out of the bundle, and with it hash-wasm
 * (digests) and base32-encode: the parser reads records and never writes one.
 */
export { AsyncIterReader, LimitReader, WARCParser } from 'warcio';
