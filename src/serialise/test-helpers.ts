/**
 * Helpers for the serialiser's tests (not part of the library build: only
 * `*.test.ts` files import this module).
 */

import type { AnyNode, Element } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { ALLOWED_ATTRIBUTES, ALLOWED_TAGS } from './allowlist.js';
import { serialiseBody, type SerialiseOptions, type SerialisedBody } from './index.js';

/** Parses `html` with htmlparser2 and serialises the whole document. */
export function serialise(html: string, options: Partial<SerialiseOptions> = {}): SerialisedBody {
  const doc = parseDocument(html);
  return serialiseBody(doc.children, { baseUrl: null, ...options });
}

/** Characters a browser may ignore inside a URL scheme. */
// eslint-disable-next-line no-control-regex
const IGNORED_IN_SCHEME = /[\u0000-\u0020\u007f-\u009f]/g;
const SAFE_LINK = /^(?:https?:|mailto:|tel:)/;
const SAFE_IMAGE = /^(?:https?:|data:image\/(?:png|gif|jpeg|webp);base64,)/;
const HAS_SCHEME = /^[^/?#]*:/;

/**
 * Problems found in serialised HTML, re-parsed with htmlparser2: tags or
 * attributes outside the allowlist, URLs with a scheme outside the allowed
 * ones, comments or processing instructions. Written independently of the
 * serialiser's own URL code.
 */
export function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: AnyNode[] = [...parseDocument(html).children];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type === 'comment' || node.type === 'directive' || node.type === 'cdata') {
      problems.push(`${node.type} node`);
      continue;
    }
    if (node.type === 'script' || node.type === 'style') {
      problems.push(`<${(node as Element).name}>`);
      continue;
    }
    if (node.type !== 'tag') continue;
    const el = node as Element;
    if (!ALLOWED_TAGS.has(el.name)) problems.push(`tag <${el.name}>`);
    const allowed = ALLOWED_ATTRIBUTES[el.name] ?? [];
    for (const [name, value] of Object.entries(el.attribs)) {
      if (!allowed.includes(name)) problems.push(`attribute ${el.name}[${name}]`);
      if (name === 'href' || name === 'src') {
        const probe = value.replace(IGNORED_IN_SCHEME, '').toLowerCase();
        const safe = name === 'href' ? SAFE_LINK : SAFE_IMAGE;
        if (HAS_SCHEME.test(probe) && !safe.test(probe)) problems.push(`unsafe ${el.name}[${name}]=${value}`);
      }
    }
    stack.push(...el.children);
  }
  return problems;
}

/** The tag names present in serialised HTML, in document order. */
export function tagsOf(html: string): string[] {
  const tags: string[] = [];
  const stack: AnyNode[] = [...parseDocument(html).children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.type !== 'tag') continue;
    tags.push((node as Element).name);
    stack.push(...[...(node as Element).children].reverse());
  }
  return tags;
}
