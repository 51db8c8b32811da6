/**
 * Stage 2: text to tree. htmlparser2 (cheerio's fast parser) builds a domhandler
 * document. It is not a spec tree builder (no adoption agency, no implied
 * tbody), which the later stages tolerate; in exchange it parses several times
 * faster than parse5.
 */
import { parseDocument } from 'htmlparser2';
import type { Document } from 'domhandler';

/** Parses HTML into a domhandler document. Never throws: any string yields a tree. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}
