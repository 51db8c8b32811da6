/** Reading one WARC record back from a reference (file, offset, length), in a worker. */

import { open } from 'node:fs/promises';
import { classify, WARC_SKIPS } from '../sources/warc.js';
import { messageOf, type SourceRecord } from '../sources/types.js';
import type { WarcJob } from './payload.js';

/** A file that could not be read: worth another attempt (a shared file system that is back). */
export class TransientError extends Error {
  override name = 'TransientError';
}

/** The bytes of the reference; throws {@link TransientError} when they cannot be read whole. */
async function readRange(job: WarcJob): Promise<Buffer> {
  let handle: Awaited<ReturnType<typeof open>> | undefined;
  try {
    handle = await open(job.file, 'r');
    const bytes = Buffer.alloc(job.length);
    const { bytesRead } = await handle.read(bytes, 0, job.length, job.offset);
    if (bytesRead < job.length) throw new Error(`only ${bytesRead} of ${job.length} bytes at offset ${job.offset}: the file is shorter than when it was added`);
    return bytes;
  } catch (e) {
    throw new TransientError(`cannot read ${job.file}: ${messageOf(e)}`);
  } finally {
    await handle?.close();
  }
}

/** The page of a WARC reference, as the batch CLI's WARC reader would give it; never throws but for {@link TransientError}. */
export async function readWarcRef(job: WarcJob, maxBytes: number): Promise<SourceRecord> {
  const { id, url } = job;
  const raw = await readRange(job);
  const { WARCParser } = await import('../../vendor/warcio.js');
  try {
    const record = await new WARCParser([raw]).parse();
    if (!record) return { id, url, error: { kind: 'bad-record', message: `no WARC record at offset ${job.offset} of ${job.file}` } };
    const what = classify(record);
    if ('skip' in what)
      return { id, url, error: { kind: 'bad-record', message: `the record at offset ${job.offset} of ${job.file} is one of the ${WARC_SKIPS[what.skip]}` } };
    const bytes = await record.readFully(true);
    if (bytes.length > maxBytes)
      return { id, url, error: { kind: 'too-large', message: `the payload unpacks to ${bytes.length} bytes, over --max-bytes ${maxBytes}` } };
    return { id, url, bytes, contentType: job.contentType ?? what.contentType };
  } catch (e) {
    return { id, url, error: { kind: 'bad-record', message: `cannot decode the record at offset ${job.offset} of ${job.file}: ${messageOf(e)}` } };
  }
}
