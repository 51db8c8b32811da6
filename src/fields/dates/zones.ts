/**
 * Time-zone reconciliation of publication dates. A page often states one
 * moment several ways: a UTC timestamp in its metadata, the same moment with
 * the newsroom's offset in a `<time datetime>`, the local calendar day in its
 * URL or printed under the headline. The calendar day readers see is the
 * local one, so where the signals agree on the moment, the local form wins.
 * All functions are pure and take the ISO 8601 strings of `parse.ts`.
 */

/** How an ISO date string places itself in time. */
export type ZoneKind = 'date' | 'floating' | 'utc' | 'offset';

/** Longest gap (ms) between two timestamps read as the same moment (sites round or re-save seconds). */
const SAME_MOMENT_MS = 5 * 60_000;
/** Greatest offsets from UTC in use (hours): a UTC time's local day can only move within them. */
const MOST_WEST_HOURS = 12;
const MOST_EAST_HOURS = 14;

/** `date` (no time), `floating` (time without offset), `utc` (Z or +00:00), `offset` (any other offset). */
export function zoneKind(iso: string): ZoneKind {
  if (iso.length <= 10) return 'date';
  const m = /(Z|[+-]\d{2}:\d{2})$/.exec(iso);
  if (!m) return 'floating';
  return m[1] === 'Z' || m[1] === '+00:00' || m[1] === '-00:00' ? 'utc' : 'offset';
}

/** Days since the epoch of the calendar day an ISO string is written with. */
export function dayNumber(iso: string): number {
  return Math.floor(Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / 86_400_000);
}

/** Milliseconds since the epoch of a timestamp with an offset, else null. */
function instant(iso: string): number | null {
  const k = zoneKind(iso);
  if (k !== 'utc' && k !== 'offset') return null;
  const t = Date.parse(iso);
  return Number.isNaN(t) ? null : t;
}

/**
 * The local form of a UTC timestamp: among `others`, the first that states
 * the same moment with a non-zero offset ("2023-11-08T22:35:29-08:00" for
 * "2023-11-09T06:35:29Z"), else `declared` itself.
 */
export function preferLocalForm(declared: string, others: readonly (string | null)[]): string {
  if (zoneKind(declared) !== 'utc') return declared;
  const t = instant(declared);
  if (t === null) return declared;
  for (const o of others) {
    if (o === null || zoneKind(o) !== 'offset') continue;
    const u = instant(o);
    if (u !== null && Math.abs(u - t) <= SAME_MOMENT_MS) return o;
  }
  return declared;
}

/**
 * True when `localDay` (a date printed or written in the URL by the
 * newsroom) can be the local calendar day of the UTC timestamp `utc`: the
 * day before when the UTC time is early enough for a western offset to reach
 * it, the day after when it is late enough for an eastern one.
 */
export function isLocalDayOf(utc: string, localDay: string): boolean {
  if (zoneKind(utc) !== 'utc') return false;
  const hour = Number(utc.slice(11, 13));
  const gap = dayNumber(localDay) - dayNumber(utc);
  if (gap === -1) return hour < MOST_WEST_HOURS;
  if (gap === 1) return hour >= 24 - MOST_EAST_HOURS;
  return false;
}
