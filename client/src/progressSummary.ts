// The text of the progress item's tooltip, without VS Code (statusTooltip.ts wraps it): what
// the headline counts, the profile the plan is checked with and why, a row per section, and
// planmark's problem counts. Estimate columns in a plan that follows the reference template
// (which asks for estimates) or estimates some work: a spec-kit or Kiro task list has none,
// and a column of dashes says nothing there.
import type { Outline, OutlineSection } from '../../server/src/protocol';
import type { Counts } from './diagnostics';
import { cell, estimate, plural, remaining } from './format';
import { progressExtras } from '../../server/src/protocol';

/**
 * Checkbox lists that are not work items: success metrics are ticked once measured, open
 * questions once answered. They still count in the headline (a plan is finished when every
 * box is ticked, which is also what inconsistent-status checks), and the tooltip says so.
 */
const NOT_WORK = /success (?:metrics|criteria)|questions/i;

export function progressSummary(outline: Outline, counts: Counts, nextKey: string): string {
  const out: string[] = [];
  const extras = progressExtras(outline).map((e) => ` · ${e}`);
  out.push(
    `**${cell(outline.title ?? 'Plan')}** — ${outline.done} of ${plural(outline.total, 'checkbox', 'checkboxes')} ticked, ${outline.percent}%${extras.join('')}\n\n`,
  );
  if (outline.profile)
    out.push(`Checked as **${escape(outline.profile.title)}**: ${escape(outline.profile.reason)}.\n\n`);
  const notWork = sectionsMatching(outline.sections, NOT_WORK);
  if (notWork.length > 0) {
    const n = notWork.reduce((sum, s) => sum + s.total, 0);
    out.push(
      `Every checkbox counts, including ${n} under ${notWork.map((s) => cell(s.title)).join(', ')}: the plan is done when all are ticked.\n\n`,
    );
  }
  // The reference template asks each task for an estimate: its columns say which are missing.
  const hours = outline.estimateHours > 0 || (outline.profile?.id ?? 'reference') === 'reference';
  out.push(
    hours
      ? '| Section | Done | Estimate | Left | No estimate |\n|---|---:|---:|---:|---:|\n'
      : '| Section | Done |\n|---|---:|\n',
  );
  for (const s of outline.sections)
    out.push(
      hours
        ? `| ${cell(s.title)} | ${s.done}/${s.total} | ${estimate(s.estimateHours)} | ${remaining(s)} | ${s.unestimated || ''} |\n`
        : `| ${cell(s.title)} | ${s.done}/${s.total} |\n`,
    );
  out.push(
    hours
      ? `| **Total** | **${outline.done}/${outline.total}** | **${estimate(outline.estimateHours)}** | **${remaining(outline)}** | **${outline.unestimated || ''}** |\n\n`
      : `| **Total** | **${outline.done}/${outline.total}** |\n\n`,
  );
  if (hours && outline.unestimated > 0)
    out.push(
      `${plural(outline.unestimated, 'open task')} without an estimate ${outline.unestimated === 1 ? 'is' : 'are'} not in the hours left.\n\n`,
    );
  out.push(
    `$(error) ${plural(counts.errors, 'error')} · $(warning) ${plural(counts.warnings, 'warning')}` +
      (counts.placeholders > 0
        ? ` · $(bracket-dot) ${plural(counts.placeholders, 'placeholder')} left (${nextKey} to jump)`
        : '') +
      '\n\nClick to show the Plan view.',
  );
  return out.join('');
}

function sectionsMatching(sections: readonly OutlineSection[], pattern: RegExp): OutlineSection[] {
  return sections.flatMap((s) => (pattern.test(s.title) ? [s] : sectionsMatching(s.children, pattern)));
}

/** Markdown punctuation in a reason (`**Input**:`, `<feature>`) is shown, not rendered. */
function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>|]/g, '\\$&');
}
