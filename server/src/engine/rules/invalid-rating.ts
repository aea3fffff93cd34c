import type { Rule } from './rule';

const RATED_COLUMNS = /^(?:impact|probability|likelihood|severity)$/i;
const LEVEL = '(?:high|medium|med|low|h|m|l)';
// A rating, a range of two ("Medium-High"), optionally explained: "Low (well-scoped)".
const RATINGS = new RegExp(`^${LEVEL}(?:\\s*[-–]\\s*${LEVEL})?(?:\\s*(?:[(:,;]|[-–—]\\s).*)?$`, 'i');
const CHOICES = new RegExp(`^${LEVEL}(?:\\s*/\\s*${LEVEL})+$`, 'i');

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
          const choice = CHOICES.test(value);
          report({
            span: cell,
            message: choice
              ? `${column} "${cell.text}" is still the template's list of choices: pick one of High, Medium, Low.`
              : `${column} "${cell.text}" is not a rating: use High, Medium or Low.`,
            fixes: ['High', 'Medium', 'Low'].map((r) => ({
              title: `Set ${column} to ${r}`,
              edits: [{ span: cell, newText: r }],
            })),
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
