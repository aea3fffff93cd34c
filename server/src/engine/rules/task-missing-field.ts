import type { Rule } from './rule';
import { eol } from './sections';

export const taskMissingField: Rule = {
  id: 'task-missing-field',
  description:
    'A task block lacks a field that every task block in the template has (File and Estimate in the reference template).',
  defaultSeverity: 'warning',
  check({ model, template }, report) {
    if (template.taskFields.length === 0) return;
    const nl = eol(model.text);
    for (const block of model.blocks) {
      const missing = template.taskFields.filter((f) => !block.fields.some((g) => g.key === f.key));
      if (missing.length === 0) continue;
      const names = missing.map((f) => f.label);
      // New field lines go after the block's last field, with its indentation and bullet.
      const last = block.fields[block.fields.length - 1];
      // Without fields yet, nest under the item: indent to where its checkbox starts.
      const prefix = last
        ? linePrefix(model.text, last.start)
        : `${' '.repeat(linePrefix(model.text, block.item.checkbox.start).length)}- `;
      const at = last ? last.end : block.titleSpan.end;
      const lines = missing.map((f) => `${nl}${prefix}**${f.label}**: ${templateValue(template.model.blocks, f.key)}`);
      report({
        span: block.titleSpan.end > block.titleSpan.start ? block.titleSpan : block.item.checkbox,
        message: `Task "${block.title}" lacks ${names.join(' and ')}.`,
        fixes: [
          {
            title: `Add ${names.join(' and ')}`,
            preferred: true,
            edits: [{ span: { start: at, end: at }, newText: lines.join('') }],
          },
        ],
      });
    }
  },
};

/** The text between the start of the line and `offset`: indentation and bullet. */
function linePrefix(text: string, offset: number): string {
  return text.slice(text.lastIndexOf('\n', offset - 1) + 1, offset);
}

/**
 * The template's own text for a field, so the author sees what belongs there: a value that is
 * wholly a placeholder (`[hours]`, `[list files]`) when the template has one, since a real-looking
 * example (`prisma/schema.prisma`) inserted into a plan would read as the author's own.
 */
function templateValue(blocks: Array<{ fields: Array<{ key: string; value: string }> }>, key: string): string {
  const values = blocks.flatMap((b) => b.fields.filter((f) => f.key === key).map((f) => f.value));
  return values.find((v) => /^\[[^\]]+\]$/.test(v.trim())) ?? values[0] ?? '';
}
