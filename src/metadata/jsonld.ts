/**
 * JSON-LD reader: lenient parsing of `<script type="application/ld+json">`
 * blocks (HTML comments, CDATA wrappers, trailing commas, raw control
 * characters) and flattening of `@graph`, arrays and `mainEntity` nesting.
 * Parsed values are plain data: nothing is merged into existing objects, so
 * keys such as `__proto__` cannot pollute prototypes.
 */

/** A JSON-LD node: an object as parsed. */
export type LdNode = Record<string, unknown>;

/** Types that describe an article (schema.org names, without the context URL). */
export const ARTICLE_TYPES: ReadonlySet<string> = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'reviewnewsarticle',
  'backgroundnewsarticle',
  'askpublicnewsarticle',
  'blogposting',
  'liveblogposting',
  'socialmediaposting',
  'scholarlyarticle',
  'techarticle',
  'report',
  'posting',
  'discussionforumposting',
]);

function isObject(v: unknown): v is LdNode {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Parses one script's text, repairing the common breakages; null when it cannot be parsed. */
export function parseLdText(text: string): unknown {
  const cleaned = text
    .replace(/^\s*(?:<!--|\/\/\s*<!\[CDATA\[|<!\[CDATA\[)/, '')
    .replace(/(?:-->|\/\/\s*\]\]>|\]\]>)\s*$/, '')
    .trim();
  if (!cleaned) return null;
  try {
    return JSON.parse(cleaned);
  } catch {
    // Raw control characters and trailing commas are the usual faults.
    const repaired = cleaned.replace(/[\u0000-\u001f]+/g, ' ').replace(/,\s*([}\]])/g, '$1');
    try {
      return JSON.parse(repaired);
    } catch {
      return null;
    }
  }
}

/** Lower-cased type names of a node (`@type` may be a string, an array, or a full URL). */
export function ldTypes(node: LdNode): string[] {
  const t = node['@type'];
  const list = Array.isArray(t) ? t : [t];
  return list.filter((x): x is string => typeof x === 'string').map((x) => x.replace(/^https?:\/\/schema\.org\//i, '').toLowerCase());
}

/** Every object node in the parsed blocks, flattened (depth-first, bounded). */
export function flattenLd(roots: readonly unknown[]): LdNode[] {
  const out: LdNode[] = [];
  const stack: unknown[] = [...roots].reverse();
  let budget = 10_000;
  while (stack.length && budget-- > 0) {
    const v = stack.pop();
    if (Array.isArray(v)) {
      for (let i = v.length - 1; i >= 0; i--) stack.push(v[i]);
    } else if (isObject(v)) {
      out.push(v);
      for (const key of ['@graph', 'mainEntity', 'mainEntityOfPage', 'itemListElement', 'hasPart']) {
        const child = v[key];
        if (child && typeof child === 'object') stack.push(child);
      }
    }
  }
  return out;
}

/** The article nodes among the flattened nodes, most specific type first. */
export function articleNodes(nodes: readonly LdNode[]): LdNode[] {
  return nodes.filter((n) => ldTypes(n).some((t) => ARTICLE_TYPES.has(t)));
}

/** A string property (or the first string of an array, or an object's `name`/`@value`). */
export function ldString(node: LdNode | undefined, key: string): string | null {
  if (!node) return null;
  let v = node[key];
  if (Array.isArray(v)) v = v[0];
  if (isObject(v)) v = v.name ?? v['@value'];
  return typeof v === 'string' && v.trim() ? v.trim() : null;
}
