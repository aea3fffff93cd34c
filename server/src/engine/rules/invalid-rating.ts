import type { Rule } from './rule';

const RATED_COLUMNS = /^(?:impact|probability|likelihood|severity)$/i;
const RATINGS = /^(?:high|medium|med|low|h|m|l)$/i;

export const invalidRating: Rule = {
  id: 'invalid-rating',
  description: 'An Impact or Probability cell of a table is not High, Medium or Low (H, M, L or Med also do).',
  defaultSeverity: 'warning',
  check({ model, hasPlaceholder }, report) {
    for (const table of model.tables) {
      const columns = table.header.cells.flatMap((c, i) => (RATED_COLUMNS.test(plain(c.text)) ? [i] : []));
      if (columns.length === 0) continue;
      for (const row of table.rows) {
        for (const i of columns) {
          const cell = row.cells[i];
          if (!cell || hasPlaceholder(cell)) continue;
          const value = plain(cell.text);
          if (value === '' || RATINGS.test(value)) continue;
          const column = plain(table.header.cells[i].text);
          const choice = /\//.test(value) && value.split('/').every((v) => RATINGS.test(v.trim()));
          report({
            span: cell,
            message: choice
              ? `${column} "${cell.text}" is still the template's list of choices: pick one of High, Medium, Low.`
              : `${column} "${cell.text}" is not a rating: use High, Medium or Low.`,
            fixes: ['High', 'Medium', 'Low'].map((r) => ({ title: `Set ${column} to ${r}`, edits: [{ span: cellText(model.text, cell), newText: r }] })),
          });
        }
      }
    }
  },
};

/** Ratings often carry emoji or emphasis: "🔴 **High**". */
function plain(text: string): string {
  return text
    .replace(/[`*_]/g, '')
    .replace(/[\p{Extended_Pictographic}\p{So}\uFE0F\u200D]/gu, '')
    .trim();
}

/** The cell's text without the surrounding pipes and padding. */
function cellText(text: string, cell: { start: number; end: number }) {
  const source = text.slice(cell.start, cell.end);
  const lead = /^[|\s]*/.exec(source)![0].length;
  const trail = /[|\s]*$/.exec(source.slice(lead))![0].length;
  return { start: cell.start + lead, end: cell.end - trail };
}
