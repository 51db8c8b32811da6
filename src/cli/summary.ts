/** The counters of a batch run and the summary printed at its end. */

/** Counters of a run; the progress bar and the summary read them. */
export class RunStats {
  /** Pages written (articles and errors). */
  pages = 0;
  /** Pages written as errors. */
  errors = 0;
  /** Pages written whose Article has no body (not errors: the page was read, and holds no article). */
  noArticle = 0;
  /** Errors by kind. */
  readonly errorKinds = new Map<string, number>();
  /** Records passed over, by reason. */
  readonly skipped = new Map<string, number>();
  /** Input units consumed (bytes, or URLs given as arguments). */
  consumed = 0;

  /** Counts a page written, with the kind of its error if it failed, or whether it held no article. */
  page(errorKind: string | null, noArticle = false): void {
    this.pages++;
    if (noArticle) this.noArticle++;
    if (errorKind === null) return;
    this.errors++;
    this.errorKinds.set(errorKind, (this.errorKinds.get(errorKind) ?? 0) + 1);
  }

  /** Counts a record passed over. */
  skip(reason: string): void {
    this.skipped.set(reason, (this.skipped.get(reason) ?? 0) + 1);
  }
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** "timeout: 2, bad-record: 1": counts by key, largest first, ties by name. */
function breakdown(counts: ReadonlyMap<string, number>): string {
  return [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .map(([k, n]) => `${k}: ${n}`)
    .join(', ');
}

/** A rate with sensible digits: 0.5, 12.3, 456. */
export function formatRate(perSecond: number): string {
  if (!Number.isFinite(perSecond)) return '-';
  return perSecond >= 100 ? perSecond.toFixed(0) : perSecond.toFixed(1);
}

/**
 * The end-of-run summary, one line per topic:
 * `copydesk: 300 pages in 2.1 s (142.9 pages/s), 2 errors (bad-record: 1, timeout: 1), no-article: 4`,
 * then skipped records by reason, and whether the run was interrupted.
 */
export function formatSummary(stats: RunStats, seconds: number, interrupted: boolean): string {
  const rate = seconds > 0 ? stats.pages / seconds : Infinity;
  const errors = stats.errors === 0 ? 'no errors' : `${plural(stats.errors, 'error')} (${breakdown(stats.errorKinds)})`;
  const noArticle = stats.noArticle > 0 ? `, no-article: ${stats.noArticle}` : '';
  const out = [`copydesk: ${plural(stats.pages, 'page')} in ${seconds.toFixed(1)} s (${formatRate(rate)} pages/s), ${errors}${noArticle}`];
  const skipped = [...stats.skipped.values()].reduce((a, b) => a + b, 0);
  if (skipped > 0) out.push(`copydesk: skipped ${skipped} (${breakdown(stats.skipped)})`);
  if (interrupted) out.push('copydesk: interrupted; run again with --resume (and the same -o) to finish');
  return `${out.join('\n')}\n`;
}
