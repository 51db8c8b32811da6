/**
 * Stages 1 and 2 under the limits: the input is cut to `maxInputSize`,
 * decoded, and parsed within `maxNodes`, `maxDepth` and the parser's share of
 * the time budget. What the limits did is reported in the Article's `input`.
 */
import type { Document } from 'domhandler';
import { decodePage } from './decode/decode.js';
import { Deadline, HARD_DEADLINE_SHARE, PARSE_BUDGET_SHARE, now } from './limits.js';
import render from 'dom-serializer';
import { isUint8Array, parsedDocument } from './input.js';
import { adoptDocument, parseHtml } from './parse/parse.js';
import type { ExtractInput, ExtractLimits, InputReport, LimitName } from './types.js';

/** What reading needs of the call's options (a part of `NormalisedOptions`, named here so that reading does not depend on option handling). */
export interface ReadOptions {
  contentType: string | undefined;
  limits: ExtractLimits;
}

/** The parsed page, the report of how it was read, and the call's deadline. */
export interface ReadPage {
  document: Document;
  /**
   * The decoded text that was parsed (cut to `maxInputSize`); the fallback
   * hands it to jsdom. For a parsed document, its serialisation, made when
   * first read (only the fallback reads it).
   */
  html: string;
  report: InputReport;
  /** Clock reading (see `now`) at which the call's time budget runs out; `Infinity` for none. */
  deadline: number;
  /** The hard deadline ({@link HARD_DEADLINE_SHARE} times the budget), as the walks of the later stages check it. */
  budget: Deadline;
}

/** Decodes and parses the input within the limits, or copies a parsed document. Never throws. */
export function readPage(input: ExtractInput, opts: ReadOptions): ReadPage {
  const started = now();
  const { maxInputSize, maxNodes, maxDepth, timeBudgetMs } = opts.limits;
  const given = typeof input === 'string' || isUint8Array(input) ? null : parsedDocument(input);
  if (given !== null) {
    const copied = adoptDocument(given, { maxNodes, maxDepth, deadline: started + timeBudgetMs * PARSE_BUDGET_SHARE, now });
    const limits: LimitName[] = [];
    if (copied.flattened) limits.push('maxDepth');
    if (copied.stoppedBy !== null) limits.push(copied.stoppedBy);
    let html: string | null = null;
    return {
      document: copied.document,
      get html(): string {
        html ??= render(given);
        return html;
      },
      report: { encoding: null, encodingSource: null, truncated: copied.stoppedBy !== null, limits },
      deadline: started + timeBudgetMs,
      budget: new Deadline(started + timeBudgetMs * HARD_DEADLINE_SHARE),
    };
  }
  const bytes = input as string | Uint8Array;
  const decoded = decodePage(bytes, opts.contentType, maxInputSize);
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
