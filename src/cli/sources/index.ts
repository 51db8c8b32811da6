/** All the records of a batch's inputs, in order: each input is read to its end before the next. */

import { inputKindOf } from '../args.js';
import { folderTake, type InputSpec } from '../plan.js';
import { walkFiles } from '../walk.js';
import { htmlRecords } from './html.js';
import { jsonlRecords } from './jsonl.js';
import { argumentUrls, urlRecords } from './urls.js';
import { warcRecords } from './warc.js';
import type { SourceContext, SourceRecord } from './types.js';

export type { SourceContext, SourceRecord, RecordError } from './types.js';

const READERS = { html: htmlRecords, jsonl: jsonlRecords, warc: warcRecords, urls: urlRecords } as const;

/** The records of every input, lazily: nothing is read before it is asked for. */
export async function* readRecords(inputs: readonly InputSpec[], ctx: SourceContext): AsyncGenerator<SourceRecord> {
  for (const input of inputs) {
    if (input.source === 'args') yield* argumentUrls(input.urls, ctx);
    else if (input.source === 'folder') {
      // Walked now, one directory at a time: a folder's file list is never held whole.
      for await (const file of walkFiles(input.path, folderTake(input))) yield* READERS[input.kind ?? inputKindOf(file)](file, ctx);
    } else yield* READERS[input.kind](input.source === 'stdin' ? '-' : input.path, ctx);
  }
}
