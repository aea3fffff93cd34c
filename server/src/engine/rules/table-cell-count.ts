import type { Rule } from './rule';

export const tableCellCount: Rule = {
  id: 'table-cell-count',
  description: 'A table row has more or fewer cells than the table\'s header.',
  defaultSeverity: 'warning',
  check({ model }, report) {
    for (const table of model.tables) {
      const expected = table.header.cells.length;
      for (const row of table.rows) {
        const found = row.cells.length;
        if (found === expected) continue;
        report({
          span: row,
          message: `This row has ${found} cell${found === 1 ? '' : 's'}; the header has ${expected}.`,
          fixes: [{ title: found < expected ? `Add ${expected - found} empty cell(s)` : `Remove ${found - expected} extra cell(s)`, preferred: true, edits: [resize(model.text, row, expected)] }],
        });
      }
    }
  },
};

/** Rewrites a row's source to `count` cells, keeping the cells' own text untouched. */
function resize(text: string, row: { start: number; end: number; cells: Array<{ start: number; end: number }> }, count: number) {
  const cells = row.cells;
  if (cells.length > count) {
    // Cut after the last kept cell; keep the row's closing pipe if it had one.
    const cut = cells[count - 1].end;
    const closing = text.slice(row.start, row.end).trimEnd().endsWith('|') ? '' : '';
    const keepsPipe = text[cut - 1] === '|';
    return { span: { start: cut, end: row.end }, newText: keepsPipe ? closing : `|${closing}` };
  }
  const source = text.slice(row.start, row.end);
  const hasClosingPipe = source.trimEnd().endsWith('|');
  const padding = '   |'.repeat(count - cells.length);
  const end = row.start + source.trimEnd().length;
  return { span: { start: end, end }, newText: hasClosingPipe ? padding : ` |${padding.slice(0, -1)}` };
}
