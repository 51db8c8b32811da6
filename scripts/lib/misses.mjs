// --show-misses FIELD: the pages where copydesk misses a field, in a form a
// developer can act on. Matching uses score.mjs's exported helpers, so a page
// listed here is exactly a page the scorer counts as a miss.

// Python-`\w+` tokens with their offsets: the same pattern as score.mjs's
// tokenize(), which gives no offsets (needed to quote the original text).
const TOKEN_RE = /[\p{L}\p{N}_]+/gu;
// Python str.isspace() characters, as in score.mjs's snippet test.
const PY_SPACE_RE = /[\t\n\v\f\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/g;
const wsNorm = (s) => s.replace(PY_SPACE_RE, ' ').replace(/^ | $/g, '');

const nonEmpty = (v) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' && v.trim() !== '');

/** Field names --show-misses accepts (aliases map to a canonical name). */
export const MISS_FIELDS = {
  body: 'body',
  silverBody: 'silverBody',
  snippets: 'snippets',
  with: 'snippets',
  without: 'snippets',
  title: 'title',
  byline: 'byline',
  published: 'published',
  siteName: 'siteName',
  excerpt: 'excerpt',
  dek: 'dek',
  leadImage: 'leadImage',
  bodyStart: 'bodyStart',
  errors: 'errors',
  error: 'errors',
};

const DEFAULT_LIMIT = { body: 15, silverBody: 15, snippets: 15 };

/** One line, whitespace collapsed, cut to `max` characters, quoted. */
function quote(s, max = 200) {
  if (s === null || s === undefined) return '(null)';
  if (Array.isArray(s)) s = s.join(', ');
  s = String(s).replace(/\s+/g, ' ').trim();
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return JSON.stringify(cut);
}

function tokensWithOffsets(text) {
  return [...(text || '').matchAll(TOKEN_RE)].map((m) => ({ w: m[0], start: m.index, end: m.index + m[0].length }));
}

function shingleKeys(tokens, n = 4) {
  const keys = new Set();
  for (let i = 0; i + n <= tokens.length; i++)
    keys.add(
      tokens
        .slice(i, i + n)
        .map((t) => t.w)
        .join('\u0000'),
    );
  return keys;
}

/**
 * The longest run of `text` whose 4-word shingles are absent from `other`:
 * the biggest passage the other text lacks. Returns {words, at, of, text}
 * (`at`: 1-based index of its first word, `of`: words in `text`) or null.
 */
function longestUncovered(text, other) {
  const toks = tokensWithOffsets(text);
  if (!toks.length) return null;
  const otherKeys = shingleKeys(tokensWithOffsets(other));
  const covered = new Array(toks.length).fill(false);
  for (let i = 0; i + 4 <= toks.length; i++) {
    if (
      otherKeys.has(
        toks
          .slice(i, i + 4)
          .map((t) => t.w)
          .join('\u0000'),
      )
    )
      covered.fill(true, i, i + 4);
  }
  let best = null;
  for (let i = 0; i < toks.length; ) {
    if (covered[i]) {
      i++;
      continue;
    }
    let j = i;
    while (j < toks.length && !covered[j]) j++;
    if (!best || j - i > best.words) best = { words: j - i, at: i + 1, of: toks.length, text: text.slice(toks[i].start, toks[j - 1].end) };
    i = j;
  }
  return best;
}

function pageF1([tp, fp, fn]) {
  // as score.mjs: no false positive and no false negative is a perfect page
  // (also when both texts are empty)
  if (fp === 0 && fn === 0) return { f1: 1, p: 1, r: 1 };
  const p = tp + fp > 0 ? tp / (tp + fp) : 0;
  const r = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { f1: p + r > 0 ? (2 * p * r) / (p + r) : 0, p, r };
}

function header(pred) {
  return pred.error ? `  [error: ${String(pred.error).split('\n')[0]}]` : '';
}

function bodyMisses(field, truth, preds, scorer, limit) {
  const rows = truth.filter((row) => typeof row[field] === 'string');
  const pages = rows.map((row) => {
    const pred = preds.get(row.id) ?? {};
    const text = typeof pred.text === 'string' ? pred.text : '';
    const m = pageF1(scorer.shingleMatch(row[field], text));
    return { row, pred, text, ...m, truthWords: scorer.tokenize(row[field]).length, predWords: scorer.tokenize(text).length };
  });
  pages.sort((a, b) => a.f1 - b.f1 || b.truthWords - a.truthWords);
  const shown = pages.slice(0, limit);
  const perfect = pages.filter((p) => p.f1 === 1).length;
  const lines = [`worst ${shown.length} of ${rows.length} pages by shingle F1 (${field}); ${perfect} page(s) perfect`];
  shown.forEach((p, i) => {
    lines.push(
      `${String(i + 1).padStart(3)}. ${p.row.id}  F1 ${p.f1.toFixed(3)}  P ${p.p.toFixed(3)}  R ${p.r.toFixed(3)}  words: truth ${p.truthWords}, pred ${p.predWords}${header(p.pred)}`,
    );
    if (p.row.url) lines.push(`     url:    ${p.row.url}`);
    lines.push(`     truth:  ${quote(p.row[field])}`);
    lines.push(`     pred:   ${quote(p.text)}`);
    const missed = longestUncovered(p.row[field], p.text);
    if (missed && p.r < 1 && p.predWords > 0)
      lines.push(`     missed: ${quote(missed.text)} (longest passage not extracted: ${missed.words} words from word ${missed.at} of ${missed.of})`);
    const extra = longestUncovered(p.text, p.row[field]);
    if (extra && p.p < 1 && p.truthWords > 0)
      lines.push(`     extra:  ${quote(extra.text)} (longest passage not in the truth: ${extra.words} words from word ${extra.at} of ${extra.of})`);
  });
  return lines;
}

function snippetMisses(truth, preds, limit) {
  const pages = [];
  for (const row of truth) {
    const withs = row.with ?? [];
    const withouts = row.without ?? [];
    if (!withs.length && !withouts.length) continue;
    const pred = preds.get(row.id) ?? {};
    const out = typeof pred.text === 'string' ? wsNorm(pred.text) : null;
    const found = (s) => out !== null && out.includes(wsNorm(s));
    const missing = withs.filter((s) => !found(s));
    const unwanted = withouts.filter(found);
    if (missing.length || unwanted.length) pages.push({ row, pred, withs, withouts, missing, unwanted });
  }
  pages.sort((a, b) => b.missing.length + b.unwanted.length - (a.missing.length + a.unwanted.length));
  const total = (k) => pages.reduce((n, p) => n + p[k].length, 0);
  const lines = [
    `${pages.length} page(s) with snippet misses: ${total('missing')} "with" snippet(s) not found, ${total('unwanted')} "without" snippet(s) found; showing ${Math.min(limit, pages.length)}`,
  ];
  pages.slice(0, limit).forEach((p, i) => {
    lines.push(
      `${String(i + 1).padStart(3)}. ${p.row.id}  missing ${p.missing.length}/${p.withs.length}  unwanted ${p.unwanted.length}/${p.withouts.length}${header(p.pred)}`,
    );
    if (p.row.url) lines.push(`     url:      ${p.row.url}`);
    for (const s of p.missing) lines.push(`     missing:  ${quote(s, 150)}`);
    for (const s of p.unwanted) lines.push(`     unwanted: ${quote(s, 150)}`);
    lines.push(`     pred:     ${quote(p.pred.text)}`);
  });
  return lines;
}

// Exact-match fields: the same normalisation and test as score.mjs's scoreSet.
function fieldTest(field, scorer) {
  switch (field) {
    case 'byline':
      return (t, p) => nonEmpty(p.byline) && scorer.normByline(p.byline) === scorer.normByline(t);
    case 'published':
      return (t, p) => scorer.sameDate(t, p.published);
    case 'leadImage':
      return (t, p, row) => {
        const a = scorer.urlKey(t, row.url);
        return a !== null && a === scorer.urlKey(p.leadImage, row.url);
      };
    case 'bodyStart':
      return (t, p) => scorer.bodyStartMatch(t, p.text);
    default:
      return (t, p) => nonEmpty(p[field]) && scorer.normText(p[field]) === scorer.normText(t);
  }
}

function fieldMisses(field, truth, preds, scorer, limit) {
  const test = fieldTest(field, scorer);
  const rows = truth.filter((row) => nonEmpty(row[field]));
  const misses = rows.filter((row) => !test(row[field], preds.get(row.id) ?? {}, row));
  const predField = field === 'bodyStart' ? 'text' : field;
  const empty = misses.filter((row) => !nonEmpty((preds.get(row.id) ?? {})[predField])).length;
  const lines = [
    `${misses.length} of ${rows.length} page(s) miss ${field}: ${empty} with no prediction, ${misses.length - empty} with a wrong one; showing ${Math.min(limit, misses.length)}`,
  ];
  const dates = (s) => (field === 'published' && typeof s === 'string' ? `  [${[...scorer.calendarDates(s)].join(' ') || 'unparsable'}]` : '');
  misses.slice(0, limit).forEach((row, i) => {
    const pred = preds.get(row.id) ?? {};
    lines.push(`${String(i + 1).padStart(3)}. ${row.id}${row.url ? `  ${row.url}` : ''}${header(pred)}`);
    lines.push(`     truth: ${quote(row[field])}${dates(row[field])}`);
    lines.push(`     pred:  ${quote(pred[predField], field === 'bodyStart' ? 200 : 300)}${dates(pred[predField])}`);
  });
  return lines;
}

function errorPages(truth, preds, limit) {
  const rows = truth.filter((row) => nonEmpty((preds.get(row.id) ?? {}).error));
  const lines = [`${rows.length} page(s) with an error; showing ${Math.min(limit, rows.length)}`];
  rows.slice(0, limit).forEach((row, i) => {
    lines.push(`${String(i + 1).padStart(3)}. ${row.id}${row.url ? `  ${row.url}` : ''}`);
    for (const line of String(preds.get(row.id).error).split('\n').slice(0, 4)) lines.push(`     ${line}`);
  });
  return lines;
}

/** Whether a set's truth has what --show-misses FIELD needs. */
export function setHasField(truth, field) {
  if (field === 'errors') return true;
  if (field === 'snippets') return truth.some((row) => nonEmpty(row.with) || nonEmpty(row.without));
  return truth.some((row) => nonEmpty(row[field]));
}

/** Lines describing the misses of `field` (canonical name) in one set. */
export function showMisses(field, setName, truth, preds, scorer, limit) {
  const n = limit ?? DEFAULT_LIMIT[field] ?? Infinity;
  let lines;
  if (field === 'body' || field === 'silverBody') lines = bodyMisses(field, truth, preds, scorer, n);
  else if (field === 'snippets') lines = snippetMisses(truth, preds, n);
  else if (field === 'errors') lines = errorPages(truth, preds, n);
  else lines = fieldMisses(field, truth, preds, scorer, n);
  return [`--- misses: ${field} in set ${setName} ---`, ...lines].join('\n');
}
