/**
 * Stages 1 and 2 under the limits: the input is cut to `maxInputSize`,
 * decoded, and parsed within `maxNodes`, `maxDepth` and the parser's share of
 * the time budget. What the limits did is reported in the Article's `input`.
 */
import type { Document } from 'domhandler';
import { decodePage } from './decode/decode.js';
import { Deadline, HARD_DEADLINE_SHARE, PARSE_BUDGET_SHARE, now } from './limits.js';
import type { NormalisedOptions } from './options.js';
import { parseHtml } from './parse/parse.js';
import type { InputReport, LimitName } from './types.js';

/** The parsed page, the report of how it was read, and the call's deadline. */
export interface ReadPage {
  document: Document;
  /** The decoded text that was parsed (cut to `maxInputSize`); the fallback hands it to jsdom. */
  html: string;
  report: InputReport;
  /** Clock reading (see `now`) at which the call's time budget runs out; `Infinity` for none. */
  deadline: number;
  /** The hard deadline ({@link HARD_DEADLINE_SHARE} times the budget), as the walks of the later stages check it. */
  budget: Deadline;
}

/** Decodes and parses the input within the limits. Never throws. */
export function readPage(input: string | Uint8Array, opts: NormalisedOptions): ReadPage {
  const started = now();
  const { maxInputSize, maxNodes, maxDepth, timeBudgetMs } = opts.limits;
  const decoded = decodePage(input, opts.contentType, maxInputSize);
  const parsed = parseHtml(decoded.html, {
    maxNodes,
    maxDepth,
    deadline: started + timeBudgetMs * PARSE_BUDGET_SHARE,
    now,
  });
  const limits: LimitName[] = [];
  if (decoded.truncated) limits.push('maxInputSize');
  if (parsed.flattened) limits.push('maxDepth');
  if (parsed.stoppedBy !== null) limits.push(parsed.stoppedBy);
  return {
    document: parsed.document,
    html: decoded.html,
    report: {
      encoding: decoded.encoding,
      encodingSource: decoded.source,
      truncated: decoded.truncated || parsed.stoppedBy !== null,
      limits,
    },
    deadline: started + timeBudgetMs,
    budget: new Deadline(started + timeBudgetMs * HARD_DEADLINE_SHARE),
  };
}
