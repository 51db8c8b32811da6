/**
 * The fallback: when copydesk's confidence in its body is low, run
 * Readability on jsdom, compare the two bodies (`compare.ts`) and keep the
 * better one, with the fields that depend on the body (dateline, agency,
 * boilerplate labels, images, captions) made coherent with it. Whatever jsdom
 * or Readability throw, the result is copydesk's own article.
 */
import { collapse, textOf } from '../dom/nodes.js';
import { assessConfidence, AGREED_CONFIDENCE, type ConfidenceSignal } from '../body/confidence.js';
import type { RegionFigures } from '../body/signals.js';
import type { Article, BoilerplateBlock, ExtractLimits, LimitName } from '../types.js';
import { compareBodies, type Comparison } from './compare.js';
import { bodyFromReadability, type ReadabilityBody } from './readability/body.js';
import { fallbackStoppedBy } from './readability/limits.js';
import { now } from '../limits.js';
import type { ReadPage } from '../read.js';
import type { PageIndex } from '../body/features.js';
import type { ReadabilityEngine } from './readability/types.js';
import type { FallbackReason, FallbackReport } from '../types.js';

/** What the fallback needs from copydesk's own run. */
export interface FallbackContext {
  engine: ReadabilityEngine;
  /** The page as copydesk read it: the decoded text, what the limits did, the deadline. */
  page: Pick<ReadPage, 'html' | 'report' | 'deadline'>;
  /** copydesk's index of the page (its parse and tag index). */
  index: Pick<PageIndex, 'document' | 'byTag'>;
  /** The call's limits. */
  limits: ExtractLimits;
  url: string | null;
  baseUrl: string | null;
  headline: string | null;
  /** The page's stated description (see `pageDescription`). */
  description: string | null;
  /** copydesk's body: its figures, the page's prose, the confidence and the signals that lowered it. */
  own: { figures: RegionFigures; pageProseChars: number; confidence: number; signals: ConfidenceSignal[] };
  onReport: ((report: FallbackReport) => void) | null;
}

/** Characters of a block's text looked for in the chosen body (its start: edits at the end are common). */
const PROBE_CHARS = 60;

/** Runs the fallback for an article whose confidence is under the threshold. Never throws for what the page holds. */
export function applyFallback(article: Article, ctx: FallbackContext): Article {
  const started = now();
  const report = (
    reason: FallbackReason,
    engine: Article['engine'],
    error: unknown,
    cmp: Comparison | null,
    ran: boolean,
    limit: LimitName | null = null,
  ): void => {
    ctx.onReport?.({
      confidence: ctx.own.confidence,
      signals: ctx.own.signals,
      engine,
      reason,
      limit,
      error,
      ms: ran ? now() - started : 0,
      ownInOther: cmp && cmp.reason !== 'empty' ? cmp.ownInOther : null,
      otherInOwn: cmp && cmp.reason !== 'empty' ? cmp.otherInOwn : null,
    });
  };

  const limit = fallbackStoppedBy(ctx.page, ctx.index, ctx.limits, started);
  if (limit) {
    report('limits', 'copydesk', null, null, false, limit);
    return article;
  }
  let other: ReadabilityBody | null;
  try {
    const run = ctx.engine.run(ctx.page.html, ctx.url, { maxNodes: ctx.limits.maxNodes });
    other = run
      ? bodyFromReadability(run.content, { baseUrl: ctx.baseUrl, headline: ctx.headline, description: ctx.description, clean: true, limits: ctx.limits })
      : null;
  } catch (error) {
    // jsdom's CSS parser throws on some real pages; Readability throws past its element limit.
    report('error', 'copydesk', error, null, true);
    return article;
  }
  const empty: RegionFigures = { weight: 1, chars: 0, linkChars: 0, proseChars: 0, proseBlocks: 0, largestListChars: 0, repeatedChars: 0 };
  const cmp = compareBodies(
    { text: article.body.text, figures: ctx.own.figures },
    other ? { text: other.body.text, figures: other.figures } : { text: '', figures: empty },
  );
  if (!cmp.replace || !other) {
    report(cmp.reason, 'copydesk', null, cmp, true);
    // A body the other engine agrees on is more likely right than its own signals said.
    return cmp.reason === 'agrees' ? { ...article, confidence: Math.max(article.confidence, AGREED_CONFIDENCE) } : article;
  }
  const chosen = withOtherBody(article, other, ctx);
  report(cmp.reason, 'readability', null, cmp, true);
  return chosen;
}

/** The article with Readability's body, and the fields that depend on the body made coherent with it. */
function withOtherBody(article: Article, other: ReadabilityBody, ctx: FallbackContext): Article {
  const { confidence } = assessConfidence({
    figures: other.figures,
    pageProseChars: ctx.own.pageProseChars * (other.figures.weight / ctx.own.figures.weight),
    ladderStep: null,
    rivalRatio: null,
  });
  const text = collapse(other.body.text).toLowerCase();
  const html = other.body.html;
  // copydesk's labels stay only for blocks the new body does not hold; the cleaner's labels of Readability's HTML join them.
  const kept = article.boilerplate.filter((b) => !holdsText(text, b.text));
  const boilerplate = inPageOrder([...kept, ...other.boilerplate], ctx.index.document);
  const dateline = other.dateline ?? null;
  return {
    ...article,
    body: other.body,
    dateline: {
      ...article.dateline,
      place: dateline ? dateline.place : article.dateline.place,
      text: dateline ? dateline.text : article.dateline.text,
    },
    source: { ...article.source, agency: dateline ? (dateline.agency ?? article.source.agency) : article.source.agency },
    images: article.images.filter((img) => html.includes(escapeForHtml(img.src))),
    captions: article.captions.filter((c) => (c.image ? html.includes(escapeForHtml(c.image.src)) : html.includes(escapeForHtml(c.text)))),
    boilerplate,
    confidence,
    engine: 'readability',
  };
}

/** True when the body's text (collapsed, lower-cased) holds the start of `block`. */
function holdsText(bodyText: string, block: string): boolean {
  const probe = collapse(block).toLowerCase().slice(0, PROBE_CHARS);
  return probe.length > 0 && bodyText.includes(probe);
}

/** Blocks ordered by where their text first appears on the page; blocks without text keep their relative place at the end. */
function inPageOrder(blocks: BoilerplateBlock[], document: PageIndex['document']): BoilerplateBlock[] {
  const page = textOf(document).toLowerCase();
  const seen = new Set<string>();
  const unique = blocks.filter((b) => {
    const key = `${b.kind}\u0000${b.text}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const at = unique.map((b) => {
    const probe = collapse(b.text).toLowerCase().slice(0, PROBE_CHARS);
    const i = probe ? page.indexOf(probe) : -1;
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  });
  return unique
    .map((b, i) => ({ b, i }))
    .sort((x, y) => at[x.i]! - at[y.i]! || x.i - y.i)
    .map(({ b }) => b);
}

/** Text as the serialiser escapes it in HTML text and attribute values. */
function escapeForHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
