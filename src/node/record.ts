/**
 * Checking one input record of `extractMany` and turning it into a worker
 * task (internal, pure). A bad record becomes an `invalid-input` result, never
 * a throw: one bad record must not stop a run.
 */
import type { ExtractOptions } from '../types.js';
import { isUint8Array } from '../input.js';
import type { WorkerTask } from './protocol.js';
import type { PageFailure, PageId, PageInput } from './types.js';

/** A record ready for a worker: the task, the buffers it owns, and what to echo back. */
export interface CheckedRecord {
  id: PageId;
  url: string | null;
  task: WorkerTask;
  transfer: ArrayBuffer[];
}

const isId = (v: unknown): v is PageId => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  return typeof v;
}

/**
 * A copy of just the bytes of `view`, in a buffer of its own, to be moved
 * (transferred) to a worker: the caller's buffer is neither detached nor
 * copied whole, as structured clone would copy all of a view's underlying
 * buffer (a page read as a slice of a large chunk, or of Node's buffer pool).
 */
export function ownedBytes(view: Uint8Array): Uint8Array<ArrayBuffer> {
  return new Uint8Array(view);
}

/**
 * Checks `record` (the `index`-th of the input) and builds its task.
 * `shared` holds the options every page gets (`extractOptions`).
 */
export function checkRecord(record: unknown, index: number, shared: Omit<ExtractOptions, 'url' | 'contentType'>): CheckedRecord | PageFailure {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    return { id: index, url: null, error: { kind: 'invalid-input', message: `record ${index} is ${typeName(record)}, not an object` } };
  }
  const r = record as Record<keyof PageInput, unknown>;
  const id = r.id === undefined || r.id === null ? index : isId(r.id) ? r.id : index;
  const url = typeof r.url === 'string' ? r.url : null;
  const fail = (message: string): PageFailure => ({ id, url, error: { kind: 'invalid-input', message } });

  if (r.id !== undefined && r.id !== null && !isId(r.id)) return fail(`record ${index}: id must be a string or a finite number, got ${typeName(r.id)}`);
  if (r.url !== undefined && r.url !== null && typeof r.url !== 'string') return fail(`record ${index}: url must be a string, got ${typeName(r.url)}`);
  if (r.contentType !== undefined && r.contentType !== null && typeof r.contentType !== 'string') {
    return fail(`record ${index}: contentType must be a string, got ${typeName(r.contentType)}`);
  }
  const hasHtml = r.html !== undefined && r.html !== null;
  const hasBytes = r.bytes !== undefined && r.bytes !== null;
  if (hasHtml && hasBytes) return fail(`record ${index} has both html and bytes; give one`);
  if (!hasHtml && !hasBytes) return fail(`record ${index} has neither html nor bytes`);
  if (hasHtml && typeof r.html !== 'string') return fail(`record ${index}: html must be a string, got ${typeName(r.html)}`);
  if (hasBytes && !isUint8Array(r.bytes)) return fail(`record ${index}: bytes must be a Uint8Array, got ${typeName(r.bytes)}`);

  const options: ExtractOptions = { ...shared };
  if (url !== null) options.url = url;
  if (typeof r.contentType === 'string') options.contentType = r.contentType;
  if (hasHtml) return { id, url, task: { html: r.html as string, options }, transfer: [] };
  const copy = ownedBytes(r.bytes as Uint8Array);
  return { id, url, task: { bytes: copy, options }, transfer: [copy.buffer] };
}
