/**
 * The text of a printed credit line as a reader sees it. Credit lines are
 * built from small inline pieces, and two opposite mistakes are common when
 * reading them: gluing pieces a stylesheet sets apart ("Jane Doe" +
 * `<span>Staff Writer</span>`, shown on two lines) and splitting a word a
 * page wraps for letter-spacing ("Will Knigh" + `<span>t</span>`).
 */
import type { AnyNode } from 'domhandler';
import { BLOCK_TAGS, collapse, isElement, isInvisibleTag, isText } from '../../dom/nodes.js';

/** Marks an element boundary until the pieces either side are known. */
const BOUNDARY = '\u0001';

/**
 * A boundary between a lower-case letter and one or two lower-case letters
 * closing the word is inside it (pages wrap a word's last letter for its
 * spacing: "Knigh<span>t</span>"); any other boundary separates words
 * ("Jane Doe<span>Staff Writer</span>", "James Lynch<span>from …</span>").
 */
const IN_WORD = /(?<=\p{Ll})\u0001+(?=\p{Ll}{1,2}(?:\u0001|\s|$))/gu;

/**
 * The visible text of a credit-line element: every element boundary is a
 * space, except one inside a word (see {@link IN_WORD}).
 * Iterative (deep trees do not overflow the stack); stops after `maxChars`.
 */
export function creditText(root: AnyNode, maxChars = Infinity): string {
  const parts: string[] = [];
  let gathered = 0;
  // An explicit stack of nodes still to visit; `null` closes an element (its trailing boundary).
  const stack: Array<AnyNode | null> = [root];
  while (stack.length && gathered < maxChars) {
    const node = stack.pop()!;
    if (node === null) {
      parts.push(BOUNDARY);
      continue;
    }
    if (isText(node)) {
      parts.push(node.data.replace(/\u0001/g, ''));
      gathered += node.data.length;
    } else if (isElement(node)) {
      if (node !== root && isInvisibleTag(node.name)) continue;
      // A line break or a block always separates; other elements only at a word boundary.
      parts.push(node.name === 'br' || BLOCK_TAGS.has(node.name) ? ' ' : BOUNDARY);
      stack.push(null);
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    } else if (node.type === 'root' && 'children' in node) {
      for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
    }
  }
  return collapse(
    parts
      .join('')
      .replace(IN_WORD, '')
      .replace(/\u0001+/g, ' '),
  );
}
