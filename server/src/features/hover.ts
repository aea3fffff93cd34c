import type { Hover, MarkupContent, Position } from 'vscode-languageserver';
import type { TaskItem } from '../engine';
import {
  citedRequirements,
  noProgress,
  parseRequirements,
  progressExtras,
  RULES,
  formatHours,
  ruleDocsUrl,
} from '../engine';
import {
  allSections,
  STATE_ICON,
  dependencies,
  headingPath,
  modelled,
  profileOf,
  outlineSection,
  taskAt,
  taskLine,
  taskName,
  within,
  type ModelledDocument,
  type PlanDocument,
} from './document';

// Hover: on the title, the plan's profile and why; on a placeholder, what belongs there; on a task, its fields, phase,
// the requirements it cites (Kiro), dependencies and dependents; on a phase heading, its progress; on a finding,
// its rule's description and documentation.

export function hover(doc: PlanDocument, position: Position): Hover | null {
  const m = modelled(doc);
  if (!m) return null;
  const offset = doc.analysis.lines.offset(position);
  const parts = [
    titleHover(m, offset),
    placeholderHover(m, offset),
    taskHover(m, offset),
    sectionHover(m, offset),
    findingsHover(m, position),
  ].filter((p): p is string => !!p);
  if (parts.length === 0) return null;
  const contents: MarkupContent = { kind: 'markdown', value: parts.join('\n\n---\n\n') };
  return { contents };
}

function placeholderHover(m: ModelledDocument, offset: number): string | undefined {
  const finding = m.analysis.findings.find(
    (f) => f.rule === 'unfilled-placeholder' && within(spanOf(m, f.range), offset),
  );
  if (!finding) return undefined;
  const span = spanOf(m, finding.range);
  const text = m.model.text.slice(span.start, span.end);
  const section = allSections(m.model.sections)
    .filter((s) => s.start <= span.start && span.start < s.end)
    .pop();
  const where = section ? `in **${headingPath(section)}**` : 'before the first section';
  // The plan's own schema: the repository's spec-kit template, not the reference one.
  const template = profileOf(m).schema.model;
  const uses = template.brackets.filter((b) => b.text === text).slice(0, 3);
  const lines = uses.map((b) => {
    const start = template.text.lastIndexOf('\n', b.start - 1) + 1;
    const end = template.text.indexOf('\n', b.end);
    const owner = allSections(template.sections)
      .filter((s) => s.start <= b.start && b.start < s.end)
      .pop();
    return `- ${owner ? `_${headingPath(owner)}_: ` : ''}\`${template.text.slice(start, end < 0 ? undefined : end).trim()}\``;
  });
  const fill = finding.fixes?.[0] ? ` The quick fix writes \`${finding.fixes[0].edits[0].newText}\`.` : '';
  return [
    `**Placeholder** \`${text}\` ${where}: replace it with the real content.${fill}`,
    lines.length > 0
      ? `The template has it here:\n${lines.join('\n')}`
      : 'A generic placeholder (not from the template): whatever it marks as missing.',
  ].join('\n\n');
}

function taskHover(m: ModelledDocument, offset: number): string | undefined {
  const task = taskAt(m, offset);
  if (!task) return undefined;
  const out = [
    `${STATE_ICON[task.state]} **${escape(taskName(task))}**${task.phase ? ` — ${escape(task.phase.heading.text)}` : ''}${stateWords(task)}`,
  ];
  const fields = task.block?.fields ?? [];
  if (fields.length > 0) out.push(fields.map((f) => `- **${escape(f.label)}**: ${f.value}`).join('\n'));
  const requirements = requirementsHover(m, task);
  if (requirements) out.push(requirements);
  const graph = dependencies(m);
  const dependsOn = graph.refs.filter((r) => r.task === task && r.target).map((r) => r.target!);
  const dependents = graph.refs.filter((r) => r.target === task).map((r) => r.task);
  if (dependsOn.length > 0)
    out.push(
      `Depends on: ${unique(dependsOn)
        .map((t) => link(m, t))
        .join(', ')}`,
    );
  if (dependents.length > 0)
    out.push(
      `Needed by: ${unique(dependents)
        .map((t) => link(m, t))
        .join(', ')}`,
    );
  return out.join('\n\n');
}

/** What the criteria a task cites (`_Requirements: 1.2_`) say, from the requirements.md beside the plan. */
function requirementsHover(m: ModelledDocument, task: TaskItem): string | undefined {
  const file = m.analysis.facts?.siblings?.['requirements.md'];
  if (file === undefined) return undefined;
  const text = m.model.text;
  // The task's own lines: its sub-tasks cite for themselves.
  const subtasks = m.model.tasks.filter((t) => t.parent === task);
  const refs = new Set<string>();
  for (let start = task.start; start < task.end;) {
    const nl = text.indexOf('\n', start);
    const end = nl === -1 || nl > task.end ? task.end : nl;
    if (!subtasks.some((t) => t.start < end && start < t.end))
      for (const ref of citedRequirements(text.slice(start, end))) refs.add(ref.ref);
    start = end + 1;
  }
  if (refs.size === 0) return undefined;
  const { texts } = parseRequirements(file);
  const cited = [...refs].map((r) => `- **${r}** ${texts.has(r) ? escape(texts.get(r)!) : '_not in requirements.md_'}`);
  return ['Requirements it cites:', ...cited].join('\n');
}

/** On the title: the profile the plan is checked with, why, and where its schema comes from. */
function titleHover(m: ModelledDocument, offset: number): string | undefined {
  const { title } = m.model;
  const profile = m.analysis.profile;
  if (!title || !profile || !within(title, offset)) return undefined;
  return `Checked as **${escape(profile.title)}** (\`${profile.id}\`): ${escape(profile.reason)}. Schema: ${escape(profile.schemaSource)}.`;
}

function sectionHover(m: ModelledDocument, offset: number): string | undefined {
  const section = allSections(m.model.sections).find((s) => within(s.heading, offset));
  if (!section) return undefined;
  const totals = outlineSection(m, section);
  if (section.heading.phase === undefined && !totals) return undefined;
  const p = totals ?? noProgress();
  const placeholders = m.analysis.findings.filter((f) => {
    if (f.rule !== 'unfilled-placeholder') return false;
    const o = m.analysis.lines.offset(f.range.start);
    return o >= section.start && o < section.end;
  }).length;
  const parts = [`**${escape(section.heading.text)}**`, `${p.done}/${p.total} tasks done`, ...progressExtras(p)];
  if (p.estimateHours > 0)
    parts.push(`${formatHours(p.estimateHours)} estimated, ${formatHours(p.remainingHours)} left`);
  if (placeholders > 0) parts.push(`${placeholders} open placeholder${placeholders === 1 ? '' : 's'}`);
  return parts.join(' · ');
}

function findingsHover(m: ModelledDocument, position: Position): string | undefined {
  const here = m.analysis.findings.filter((f) => {
    const o = m.analysis.lines.offset(position);
    const span = spanOf(m, f.range);
    return f.rule !== 'unfilled-placeholder' && o >= span.start && o <= span.end;
  });
  const rules = [...new Set(here.map((f) => f.rule))];
  if (rules.length === 0) return undefined;
  // A finding's own explanation (phantom-completion: the commits that did touch the files).
  const details = [...new Set(here.flatMap((f) => (f.detail ? [f.detail] : [])))].map((d) =>
    d
      .split('\n')
      .map((line) => (line.startsWith('- ') ? line : `${line}  `))
      .join('\n'),
  );
  return rules
    .map(
      (id) =>
        `**planmark** [\`${id}\`](${ruleDocsUrl(id)}): ${RULES.find((r) => r.id === id)?.description ?? 'planmark could not validate this file.'}`,
    )
    .concat(details)
    .join('\n\n');
}

function spanOf(m: ModelledDocument, range: { start: Position; end: Position }) {
  return { start: m.analysis.lines.offset(range.start), end: m.analysis.lines.offset(range.end) };
}

function link(m: ModelledDocument, t: TaskItem): string {
  const line = m.analysis.lines.position(taskLine(m, t).start).line;
  return `[${escape(taskName(t))}](${m.uri}#L${line + 1})`;
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

function escape(text: string): string {
  return text.replace(/[\\`*_[\]<>]/g, '\\$&');
}

/** ` (in progress, optional)`: what the box alone does not say. */
function stateWords(task: TaskItem): string {
  const words = [
    task.state === 'in-progress' ? 'in progress' : task.state === 'unknown' ? 'unknown marker, not done' : '',
    task.optional ? 'optional' : '',
  ].filter(Boolean);
  return words.length > 0 ? ` (${words.join(', ')})` : '';
}
