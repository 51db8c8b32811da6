/**
 * The progress bar of a batch run (cli-progress): pages, pages/s, ETA and
 * errors, on standard error. Shown on an interactive terminal outside CI,
 * silent in pipes and CI unless `--progress` asks for it.
 */

import { formatRate, type RunStats } from './summary.js';

/** A running progress display. */
export interface Progress {
  /** Redraws from the counters (cli-progress throttles the drawing). */
  update(): void;
  /** Removes the bar. */
  stop(): void;
}

const NONE: Progress = { update() {}, stop() {} };

/** Whether to show the bar: `--progress`/`--no-progress`, else an interactive stderr outside CI. */
export function progressWanted(flag: boolean | null, env: NodeJS.ProcessEnv, stderrIsTTY: boolean): boolean {
  if (flag !== null) return flag;
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== 'false' && env.CI !== '0';
  return stderrIsTTY && !ci && env.TERM !== 'dumb';
}

/**
 * Starts the bar. With a known `total` (input bytes) it shows a bar, a
 * percentage and an ETA; reading standard input, only counts and rate.
 */
export async function startProgress(enabled: boolean, stats: RunStats, total: number | null): Promise<Progress> {
  if (!enabled) return NONE;
  // Loaded only when shown: it would slow the start of every run in a pipe.
  const { default: cliProgress } = await import('cli-progress');
  const started = Date.now();
  const known = total !== null && total > 0;
  const bar = new cliProgress.SingleBar(
    {
      format: known
        ? '{bar} {percentage}% | {pages} pages | {rate} pages/s | ETA {eta_formatted} | {errors} errors'
        : '{pages} pages | {rate} pages/s | {errors} errors',
      stream: process.stderr,
      hideCursor: true,
      clearOnComplete: true,
      barsize: 24,
      fps: 5,
      etaBuffer: 200,
      // Draw even when stderr is not a terminal, when --progress asks for it.
      noTTYOutput: true,
      notTTYSchedule: 2000,
    },
    cliProgress.Presets.shades_classic,
  );
  const payload = () => {
    const seconds = (Date.now() - started) / 1000;
    return { pages: stats.pages, errors: stats.errors, rate: seconds > 0 ? formatRate(stats.pages / seconds) : '-' };
  };
  bar.start(known ? total : 1, 0, payload());
  return {
    update() {
      bar.update(known ? Math.min(stats.consumed, total) : 0, payload());
    },
    stop() {
      bar.update(known ? Math.min(stats.consumed, total) : 0, payload());
      bar.stop();
    },
  };
}
