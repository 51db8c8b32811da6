/**
 * Tables in Markdown: a GFM pipe table when every cell is simple, else the
 * rows written as paragraphs.
 */
import { INLINE_CONTENT_TAGS, type IRElement, type IRNode } from './ir.js';
import { renderInline } from './markdown-inline.js';

export interface Row {
  cells: IRElement[];
  head: boolean;
}

export function tableRows(table: IRElement): { caption: IRElement | null; rows: Row[] } {
  let caption: IRElement | null = null;
  const rows: Row[] = [];
  const cellsOf = (tr: IRElement): IRElement[] => tr.kids.filter((k): k is IRElement => typeof k !== 'string');
  for (const kid of table.kids) {
    if (typeof kid === 'string') continue;
    if (kid.tag === 'caption') caption = kid;
    else if (kid.tag === 'tr') rows.push({ cells: cellsOf(kid), head: false });
    else {
      for (const tr of kid.kids) {
        if (typeof tr !== 'string' && tr.tag === 'tr') rows.push({ cells: cellsOf(tr), head: kid.tag === 'thead' });
      }
    }
  }
  return { caption, rows };
}

/** A cell whose content is only paragraphs/runs/headings: it fits on one line. */
function isSimpleCell(cell: IRElement): boolean {
  for (const kid of cell.kids) {
    if (typeof kid === 'string' || !INLINE_CONTENT_TAGS.has(kid.tag) || kid.tag === 'pre') return false;
  }
  return true;
}

function cellText(cell: IRElement): string {
  const parts: string[] = [];
  for (const kid of cell.kids) {
    if (typeof kid === 'string') continue;
    const text = renderInline(kid.kids, ' ');
    if (text !== '') parts.push(text);
  }
  return parts.join(' ').replace(/\|/g, '\\|');
}

/** A GFM pipe table, or `null` when the table is irregular (ragged rows, spans, block content in cells). */
export function pipeTable(rows: Row[]): string | null {
  if (rows.length === 0) return null;
  const width = rows[0]!.cells.length;
  if (width === 0) return null;
  for (const row of rows) {
    if (row.cells.length !== width) return null;
    for (const cell of row.cells) if (cell.attrs !== null || !isSimpleCell(cell)) return null;
  }
  const first = rows[0]!;
  const hasHeader = first.head || first.cells.every((c) => c.tag === 'th');
  const line = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const lines: string[] = [];
  // GFM requires a header row; a table without one gets an empty header.
  lines.push(hasHeader ? line(first.cells.map(cellText)) : line(new Array<string>(width).fill('')));
  lines.push(line(new Array<string>(width).fill('---')));
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) lines.push(line(rows[r]!.cells.map(cellText)));
  return lines.join('\n');
}

/**
 * The blocks an irregular table falls back to: the caption, then each row as
 * one paragraph of cells joined with " | " when its cells are simple, or the
 * cells' own blocks otherwise.
 */
export function tableFallback(caption: IRElement | null, rows: Row[]): IRNode[] {
  const items: IRNode[] = [];
  if (caption) items.push(caption);
  for (const row of rows) {
    if (!row.cells.every(isSimpleCell)) {
      items.push(...row.cells);
      continue;
    }
    const kids: IRNode[] = [];
    for (const cell of row.cells) {
      if (cell.kids.length === 0) continue;
      if (kids.length > 0) kids.push(' | ');
      cell.kids.forEach((block, i) => {
        if (typeof block === 'string') return;
        if (i > 0) kids.push(' ');
        kids.push(...block.kids);
      });
    }
    if (kids.length > 0) items.push({ tag: 'p', attrs: null, kids });
  }
  return items;
}
