import type { TableRow } from '../model';
import type { Rule } from './rule';

export const tableCellCount: Rule = {
  id: 'table-cell-count',
  description: "A table row has more or fewer cells than the table's header.",
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
          fixes: [
            {
              title:
                found < expected ? `Add ${expected - found} empty cell(s)` : `Remove ${found - expected} extra cell(s)`,
              preferred: true,
              // Pads with empty cells or drops cells past the header's count; kept cells stay as written.
              safe: true,
              edits: [resize(model.text, row, expected)],
            },
          ],
        });
      }
    }
  },
};

/** The edit that pads or trims a row to `count` cells, leaving the kept cells' text untouched. */
function resize(text: string, row: TableRow, count: number) {
  const source = text.slice(row.start, row.end).trimEnd();
  const end = row.start + source.length;
  const closed = source.endsWith('|') && !source.endsWith('\\|');
  if (row.cells.length > count) {
    // The pipe that closes the last kept cell; everything after it goes.
    const pipe = text.indexOf('|', row.cells[count - 1].end);
    return { span: { start: closed ? pipe + 1 : pipe, end }, newText: '' };
  }
  // Without a closing pipe, the first added pipe only closes the last cell.
  const missing = count - row.cells.length;
  return { span: { start: end, end }, newText: ' |'.repeat(closed ? missing : missing + 1) };
}
