import {
  formatHours,
  progressExtras,
  taskMarkerText,
  type Outline,
  type OutlineSection,
  type OutlineTask,
} from '../engine';
import { analyzeFile } from './analyzeFile';
import type { Io, SettingsFlags } from './io';

// `planmark outline FILE`: the plan's sections, tasks and progress, as the
// editor's sidebar shows them. JSON is the engine's Outline unchanged (its
// ranges are LSP ranges: 0-based lines, UTF-16 columns).

export const OUTLINE_FORMATS = ['text', 'json'] as const;
export type OutlineFormat = (typeof OUTLINE_FORMATS)[number];

export interface OutlineOptions extends SettingsFlags {
  file: string;
  format: OutlineFormat;
}

/** Exit 0 with the outline, 2 when the file cannot be read or was not validated. */
export async function runOutline(options: OutlineOptions, io: Io): Promise<number> {
  const analyzed = await analyzeFile(options, io);
  if (!analyzed) return 2;
  const { analysis } = analyzed;
  io.out(
    options.format === 'json' ? JSON.stringify(analysis.outline, null, 2) + '\n' : formatOutline(analysis.outline),
  );
  return 0;
}

/** An indented tree: sections with `done/total · Nh`, tasks as `[x]` / `[ ]` / `[-]` (`*` optional) with their estimates. */
export function formatOutline(outline: Outline): string {
  const lines: string[] = [];
  const title = outline.title ?? '(untitled plan)';
  const extras = progressExtras(outline)
    .map((e) => ` · ${e}`)
    .join('');
  lines.push(
    `${title}  ${outline.done}/${outline.total} (${outline.percent}%)${extras} · ${formatHours(outline.estimateHours)}, ${formatHours(outline.remainingHours)} left`,
  );
  if (outline.profile) lines.push(`  profile ${outline.profile.id}: ${outline.profile.reason}`);
  const task = (t: OutlineTask, depth: number) => {
    const estimate = t.estimateHours === undefined ? '' : ` · ${formatHours(t.estimateHours)}`;
    lines.push(`${indent(depth)}${taskMarkerText(t)} ${t.text}${estimate}`);
    for (const c of t.children) task(c, depth + 1);
  };
  const section = (s: OutlineSection, depth: number) => {
    const extras = progressExtras(s)
      .map((e) => ` · ${e}`)
      .join('');
    lines.push(`${indent(depth)}${s.title}  ${s.done}/${s.total}${extras} · ${formatHours(s.estimateHours)}`);
    for (const t of s.tasks) task(t, depth + 1);
    for (const c of s.children) section(c, depth + 1);
  };
  for (const s of outline.sections) section(s, 1);
  return lines.join('\n') + '\n';
}

function indent(depth: number): string {
  return '  '.repeat(depth);
}
