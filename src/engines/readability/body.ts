/**
 * Readability's article HTML as a copydesk body. The HTML is parsed with
 * copydesk's own parser and indexed like a page, then (in the fallback) judged
 * by copydesk's cleaner — so that the chosen body leaves out the same
 * boilerplate whichever engine found it, and the boilerplate labels, the
 * dateline and the agency stay coherent with it — and serialised by copydesk's
 * sanitising serialiser.
 */
import type { AnyNode, Element } from 'domhandler';
import { childElements } from '../../dom/nodes.js';
import { parseHtml } from '../../parse/parse.js';
import { indexPage } from '../../body/features.js';
import { cleanRegion } from '../../body/clean.js';
import { publicAccount } from '../../body/account.js';
import type { AttemptFlags } from '../../body/score.js';
import { measureRegion, type RegionFigures } from '../../body/signals.js';
import { takeDateline } from '../../fields/dateline/strip.js';
import type { DatelineMatch } from '../../fields/dateline/dateline.js';
import { serialiseBody } from '../../serialise/index.js';
import type { BoilerplateBlock, Body, ExtractLimits } from '../../types.js';
import { now } from '../../limits.js';

/** A body made from Readability's HTML, with what the fields need to stay coherent with it. */
export interface ReadabilityBody {
  body: Body;
  /** The dateline taken from the start of the body (only when cleaned). */
  dateline: DatelineMatch | null;
  /** What copydesk's cleaner removed from Readability's HTML (only when cleaned). */
  boilerplate: BoilerplateBlock[];
  /** Figures of the kept region. */
  figures: RegionFigures;
}

/** Options of {@link bodyFromReadability}. */
export interface ReadabilityBodyOptions {
  /** Base URL for links and images Readability left relative (it resolves them itself when it knows the URL). */
  baseUrl: string | null;
  /** The article's headline, so that the cleaner drops its repetition. */
  headline: string | null;
  /** The page's stated description, so that the cleaner leaves a standfirst printing it out (null: none known). */
  description?: string | null;
  /**
   * Judge Readability's HTML with copydesk's cleaner and take the dateline out
   * (the fallback), or keep it as Readability wrote it (the drop-in).
   */
  clean: boolean;
  /** The call's limits on nodes and nesting (Readability's HTML is parsed under them, like the page). */
  limits: Pick<ExtractLimits, 'maxNodes' | 'maxDepth'>;
}

/**
 * The cleaner's switches for Readability's HTML: the markup rules (tags,
 * roles, ids — Readability strips class names) and every text rule (labels,
 * headline repeats, byline and date lines, "Read more" lines), but no
 * conditional cleaning: Readability has already cleaned its article
 * conditionally, by rules of the same family, and a second pass removes
 * paragraphs the first one kept for good reasons.
 */
const CLEAN_FLAGS: AttemptFlags = { stripUnlikely: false, weightClasses: true, cleanConditionally: false };

/** Builds a copydesk body from Readability's HTML. */
export function bodyFromReadability(content: string, options: ReadabilityBodyOptions): ReadabilityBody {
  const { document } = parseHtml(content, { maxNodes: options.limits.maxNodes, maxDepth: options.limits.maxDepth, deadline: Infinity, now });
  const index = indexPage(document);
  const roots: Element[] = childElements(document);
  let skip: Set<AnyNode> = new Set();
  let boilerplate: BoilerplateBlock[] = [];
  let dateline: DatelineMatch | null = null;
  if (options.clean && roots.length > 0) {
    const cleaned = cleanRegion(roots, { index, flags: CLEAN_FLAGS, headline: options.headline, description: options.description ?? null, main: roots[0]! });
    skip = cleaned.skip;
    // The public records only (kind and text): the cleaner's also hold its elements and rules.
    boilerplate = publicAccount(cleaned.boilerplate);
    dateline = takeDateline(roots, skip);
  }
  const body = serialiseBody(roots, { baseUrl: options.baseUrl, skip });
  return { body, dateline, boilerplate, figures: measureRegion(index, roots, skip) };
}
