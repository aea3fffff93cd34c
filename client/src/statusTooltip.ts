// The progress item's tooltip: what the headline counts, a row per section (done/total,
// estimate, hours left, open tasks without an estimate) and planmark's problem counts.
import * as vscode from 'vscode';
import type { Outline, OutlineSection } from '../../server/src/protocol';
import type { Counts } from './diagnostics';
import { cell, estimate, plural, remaining } from './format';

/**
 * Checkbox lists that are not work items: success metrics are ticked once measured, open
 * questions once answered. They still count in the headline (a plan is finished when every
 * box is ticked, which is also what inconsistent-status checks), and the tooltip says so.
 */
const NOT_WORK = /success (?:metrics|criteria)|questions/i;

export function progressTooltip(outline: Outline, counts: Counts, nextKey: string): vscode.MarkdownString {
  const md = new vscode.MarkdownString('', true);
  md.appendMarkdown(
    `**${cell(outline.title ?? 'Plan')}** — ${outline.done} of ${plural(outline.total, 'checkbox', 'checkboxes')} ticked, ${outline.percent}%\n\n`,
  );
  const notWork = sectionsMatching(outline.sections, NOT_WORK);
  if (notWork.length > 0) {
    const n = notWork.reduce((sum, s) => sum + s.total, 0);
    md.appendMarkdown(
      `Every checkbox counts, including ${n} under ${notWork.map((s) => cell(s.title)).join(', ')}: the plan is done when all are ticked.\n\n`,
    );
  }
  md.appendMarkdown('| Section | Done | Estimate | Left | No estimate |\n|---|---:|---:|---:|---:|\n');
  for (const s of outline.sections) {
    md.appendMarkdown(
      `| ${cell(s.title)} | ${s.done}/${s.total} | ${estimate(s.estimateHours)} | ${remaining(s)} | ${s.unestimated || ''} |\n`,
    );
  }
  md.appendMarkdown(
    `| **Total** | **${outline.done}/${outline.total}** | **${estimate(outline.estimateHours)}** | **${remaining(outline)}** | **${outline.unestimated || ''}** |\n\n`,
  );
  if (outline.unestimated > 0)
    md.appendMarkdown(
      `${plural(outline.unestimated, 'open task')} without an estimate ${outline.unestimated === 1 ? 'is' : 'are'} not in the hours left.\n\n`,
    );
  md.appendMarkdown(
    `$(error) ${plural(counts.errors, 'error')} · $(warning) ${plural(counts.warnings, 'warning')}` +
      (counts.placeholders > 0
        ? ` · $(bracket-dot) ${plural(counts.placeholders, 'placeholder')} left (${nextKey} to jump)`
        : '') +
      '\n\nClick to show the Plan view.',
  );
  return md;
}

function sectionsMatching(sections: readonly OutlineSection[], pattern: RegExp): OutlineSection[] {
  return sections.flatMap((s) => (pattern.test(s.title) ? [s] : sectionsMatching(s.children, pattern)));
}
