/**
 * What kind of input `extract` was given: raw bytes, or a document someone
 * else parsed (a cheerio document or a domhandler \`Document\`). A leaf module,
 * so that reading and option handling can both ask without importing each other.
 */
import type { Document } from 'domhandler';
import type { CheerioLike } from './types.js';

/**
 * The domhandler document of an input parsed already: a cheerio document
 * (`cheerio.load(html)`, whose `root()` holds it) or a domhandler `Document`
 * itself; null for anything else. Recognised by shape, not `instanceof`, so
 * that a cheerio or domhandler other than copydesk's own is read too.
 */
export function parsedDocument(input: unknown): Document | null {
  if (typeof input === 'function' && typeof (input as Partial<CheerioLike>).root === 'function') {
    const root = (input as unknown as CheerioLike).root()[0];
    return isDocument(root) ? root : null;
  }
  return isDocument(input) ? input : null;
}

function isDocument(value: unknown): value is Document {
  return (
    typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'root' && Array.isArray((value as { children?: unknown }).children)
  );
}

/**
 * True for a `Uint8Array` (a Node `Buffer` included) from any realm: bytes
 * made in a worker's, an iframe's or a `vm` context's realm fail
 * `instanceof Uint8Array` here, yet are bytes all the same.
 */
export function isUint8Array(value: unknown): value is Uint8Array {
  return value instanceof Uint8Array || (ArrayBuffer.isView(value) && Object.prototype.toString.call(value) === '[object Uint8Array]');
}
