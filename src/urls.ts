/**
 * URL helpers shared by the stages: resolution against the page URL and `<base href>`.
 */

/** Resolves `href` against `base`; null when it cannot be resolved. */
export function resolveUrl(href: string, base: string | null): string | null {
  try {
    return new URL(href.trim(), base ?? undefined).href;
  } catch {
    return null;
  }
}

/** The base URL links resolve against: `<base href>` resolved against the page URL, else the page URL. */
export function resolveBaseUrl(pageUrl: string | null, baseHref: string | null): string | null {
  const page = pageUrl ? resolveUrl(pageUrl, null) : null;
  if (baseHref) {
    const base = resolveUrl(baseHref, page);
    if (base && /^https?:/i.test(base)) return base;
  }
  return page;
}
