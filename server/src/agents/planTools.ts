import { z } from 'zod';
import {
  citedRequirements,
  filesOf,
  RULES,
  type Analysis,
  type CompletionFacts,
  type Finding,
  nodeName,
  parseRequirements,
  type GraphNode,
  type LineIndex,
  type PlanConfig,
  type PlanModel,
  type Severity,
  type TaskItem,
} from '../engine';
import { toJsonFindings } from '../cli/formats/json';

// The agent tools' logic, one implementation for the MCP server (`planmark mcp`)
// and VS Code's language-model tools (answered by the language server): pure
// functions of an analysis. Reading, writing and path checks are the hosts'
// (server/src/node/planToolHost.ts). Schemas are zod, so that MCP gets its input
// and output schemas from here and the manifest's are checked against them.

export const RULES_DOC_URL = 'https://github.com/planmark/planmark/blob/main/docs/rules.md#';

const path = z
  .string()
  .min(1)
  .describe('The plan file, relative to the workspace root (e.g. specs/001-login/tasks.md).');

export const inputShapes = {
  plan_status: { path },
  plan_next_tasks: {
    path,
    limit: z.number().int().min(1).max(100).optional().describe('At most this many tasks (default 10).'),
  },
  plan_validate: { path },
  plan_complete_task: {
    path,
    task: z.string().min(1).describe('The task: its id (T012, 2.1) or its exact text.'),
  },
  plan_explain_rule: { rule: z.string().min(1).describe('A rule id, e.g. phantom-completion.') },
} as const;

export type ToolName = keyof typeof inputShapes;
export const TOOL_NAMES = Object.keys(inputShapes) as ToolName[];

const counts = z.object({ error: z.number(), warning: z.number(), information: z.number(), hint: z.number() });
const finding = z.object({
  file: z.string(),
  line: z.number(),
  column: z.number(),
  endLine: z.number(),
  endColumn: z.number(),
  severity: z.enum(['error', 'warning', 'information', 'hint']),
  rule: z.string(),
  message: z.string(),
});
const taskRef = z.object({ id: z.string().optional(), text: z.string(), line: z.number() });

export const outputShapes = {
  plan_status: {
    path: z.string(),
    title: z.string().optional(),
    profile: z.string().optional().describe('The format the plan was checked as (reference, spec-kit-tasks, …).'),
    done: z.number(),
    total: z.number(),
    percent: z.number(),
    phases: z.array(z.object({ title: z.string(), done: z.number(), total: z.number() })),
    findings: counts,
  },
  plan_next_tasks: {
    path: z.string(),
    tasks: z.array(
      z.object({
        id: z.string().optional(),
        text: z.string(),
        line: z.number(),
        phase: z.string().optional(),
        fields: z.record(z.string(), z.string()),
        files: z.array(z.string()),
        dependencies: z
          .array(taskRef.extend({ done: z.boolean() }))
          .describe('The tasks it states as dependencies (all done, or it would not be ready).'),
        cites: z.array(z.object({ ref: z.string(), text: z.string() })),
      }),
    ),
    open: z.number(),
    blocked: z.number(),
  },
  plan_validate: { path: z.string(), findings: z.array(finding), counts },
  plan_complete_task: { path: z.string(), task: taskRef, alreadyDone: z.boolean() },
  plan_explain_rule: {
    rule: z.string(),
    description: z.string(),
    defaultSeverity: z.string(),
    documentation: z.string(),
  },
} as const;

export type ToolOutput<N extends ToolName> = z.infer<z.ZodObject<(typeof outputShapes)[N]>>;

/** What a tool answers: structured content and a short text, or a refusal with its reason. */
export type ToolResult<N extends ToolName = ToolName> = N extends ToolName
  ? { ok: true; text: string; data: ToolOutput<N> } | { ok: false; reason: string }
  : never;

export const TOOL_DESCRIPTIONS: Record<ToolName, { title: string; description: string }> = {
  plan_status: {
    title: 'Plan status',
    description:
      "A plan's progress: done/total per phase and overall, and its findings by severity. Use it to see where a plan stands.",
  },
  plan_next_tasks: {
    title: 'Next plan tasks',
    description:
      'The ready tasks of a plan (open, every dependency done), each with its id, text, fields, named files, dependencies and the user story or requirement it cites. Use it to pick the next task to work on.',
  },
  plan_validate: {
    title: 'Validate plan',
    description: "A plan's findings (planmark's rules), as `planmark check --format json` gives them.",
  },
  plan_complete_task: {
    title: 'Complete plan task',
    description:
      "Ticks one task's checkbox (one character of the file changes). Refuses when a dependency is open, a file the task names does not exist, or the task has an error finding. Call it only after the task's work is done.",
  },
  plan_explain_rule: {
    title: 'Explain planmark rule',
    description: 'What a planmark rule checks, its default severity and its documentation.',
  },
};

/** A plan as the tools see it: its analysis (validated, not skipped) under a path relative to the root. */
export interface PlanInput {
  path: string;
  analysis: Analysis;
  /** Files the tasks name, resolved (existence; no git): for refusing to tick a task whose files are missing. */
  completion?: CompletionFacts;
  /** The `requirements.md` beside the plan (Kiro), whose criteria tasks cite. */
  requirements?: string;
}

export function planStatus({ path, analysis }: PlanInput): ToolResult<'plan_status'> {
  const { outline } = analysis;
  const findings = countSeverities(analysis.findings);
  const phases = outline.sections.map((s) => ({ title: s.title, done: s.done, total: s.total }));
  const data = {
    path,
    title: analysis.model?.title?.text,
    profile: analysis.profile?.id,
    done: outline.done,
    total: outline.total,
    percent: outline.percent,
    phases,
    findings,
  };
  return {
    ok: true,
    data,
    text: `${path}${analysis.profile ? ` (${analysis.profile.id})` : ''}: ${outline.done}/${outline.total} tasks done (${outline.percent}%), ${findings.error} errors, ${findings.warning} warnings.`,
  };
}

export function planValidate({ path, analysis }: PlanInput): ToolResult<'plan_validate'> {
  // Exactly what `planmark check --format json` gives.
  const findings = toJsonFindings([{ file: path, analysis }]);
  const c = countSeverities(analysis.findings);
  const lines = findings
    .slice(0, 20)
    .map((f) => `${f.file}:${f.line}:${f.column} ${f.severity} ${f.rule} ${f.message}`);
  if (findings.length > 20) lines.push(`… and ${findings.length - 20} more`);
  return {
    ok: true,
    data: { path, findings, counts: c },
    text: findings.length === 0 ? `${path}: no findings.` : lines.join('\n'),
  };
}

export function explainRule(id: string, config?: PlanConfig): ToolResult<'plan_explain_rule'> {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) return { ok: false, reason: `No rule "${id}". Rules: ${RULES.map((r) => r.id).join(', ')}.` };
  const configured = config?.rules[rule.id];
  const data = {
    rule: rule.id,
    description: rule.description,
    defaultSeverity: rule.defaultSeverity,
    documentation: RULES_DOC_URL + rule.id,
  };
  const here = configured && configured !== rule.defaultSeverity ? ` Configured here: ${configured}.` : '';
  return {
    ok: true,
    data,
    text: `${rule.id} (default ${rule.defaultSeverity}): ${rule.description}${here} ${data.documentation}`,
  };
}

/**
 * The ready tasks, as the plan's graph has them (open, nothing they wait for left:
 * stated dependencies, and earlier phases where the plan orders its phases), in
 * document order, each with what an agent needs to start it.
 */
export function planNextTasks(input: PlanInput, limit: number): ToolResult<'plan_next_tasks'> {
  const { analysis, path } = input;
  const graph = analysis.graph!;
  const open = graph.nodes.filter((n) => n.state !== 'done').length;
  const tasks = graph.ready.slice(0, limit).map((node) => taskContext(input, node));
  const blocked = graph.blocked.length;
  const text =
    tasks.length === 0
      ? `${path}: no ready task (${open} open, ${blocked} blocked).`
      : [
          `${path}: ${graph.ready.length} ready of ${open} open:`,
          ...tasks.map((t) => `- line ${t.line}: ${t.text}${t.files.length > 0 ? ` (${t.files.join(', ')})` : ''}`),
        ].join('\n');
  return { ok: true, data: { path, tasks, open, blocked }, text };
}

type TaskContext = ToolOutput<'plan_next_tasks'>['tasks'][number];

/** What an agent needs to start a task: its text, id, phase, fields, files, dependencies and what it cites. */
function taskContext(
  { analysis, requirements }: Pick<PlanInput, 'analysis' | 'requirements'>,
  node: GraphNode,
): TaskContext {
  const model = analysis.model!;
  return {
    ...describe(analysis.lines, node.task),
    phase: node.task.phase?.heading.text,
    fields: Object.fromEntries((node.task.block?.fields ?? []).map((f) => [f.label, f.value])),
    files: filesOf(model, node.task).map((f) => f.path),
    dependencies: node.dependsOn.map((d) => ({ ...describe(analysis.lines, d.task), done: d.state === 'done' })),
    cites: [...cites(model, node.task), ...citedCriteria(model, node.task, requirements)],
  };
}

/**
 * The chat message "Start task" opens with (VS Code's code lens): the task and its
 * context, and how to tick it when done, with the tools planmark gives the agent.
 */
export function startTaskPrompt(
  path: string,
  input: Pick<PlanInput, 'analysis' | 'requirements'>,
  node: GraphNode,
): string {
  const t = taskContext(input, node);
  const lines = [`Work on this task of the plan ${path} (line ${t.line}${t.phase ? `, ${t.phase}` : ''}):`, '', t.text];
  for (const [label, value] of Object.entries(t.fields)) lines.push(`- ${label}: ${value}`);
  if (t.files.length > 0) lines.push('', `Files: ${t.files.join(', ')}`);
  if (t.dependencies.length > 0)
    lines.push(`Depends on (done): ${t.dependencies.map((d) => d.id ?? `line ${d.line}`).join(', ')}`);
  for (const c of t.cites) lines.push(`${c.ref}: ${c.text}`);
  lines.push(
    '',
    `When the work is done, tick the task with planmark's plan_complete_task tool (path ${path}, task ${t.id ?? JSON.stringify(t.text)}); it refuses while a named file is missing.`,
  );
  return lines.join('\n');
}

/** `[US1]` on a spec-kit task: the user story's phase heading says what the story is. */
function cites(model: PlanModel, task: TaskItem): Array<{ ref: string; text: string }> {
  const found: Array<{ ref: string; text: string }> = [];
  for (const m of task.text.matchAll(/\[US ?(\d+)\]/gi)) {
    const story = new RegExp(`\\buser[ -]?story ${m[1]}\\b|\\bUS ?${m[1]}\\b`, 'i');
    const heading = model.headings.find((h) => story.test(h.text));
    if (heading) found.push({ ref: `US${m[1]}`, text: heading.text });
  }
  return found;
}

/** Kiro's `_Requirements: 1.2, 3.1_` under a task: the criteria's text, from requirements.md beside the plan. */
function citedCriteria(model: PlanModel, task: TaskItem, requirements?: string): Array<{ ref: string; text: string }> {
  if (requirements === undefined) return [];
  const refs = model.text.slice(task.start, task.end).split(/\r?\n/).flatMap(citedRequirements);
  if (refs.length === 0) return [];
  const { texts } = parseRequirements(requirements);
  const found: Array<{ ref: string; text: string }> = [];
  for (const { ref } of refs) {
    const text = texts.get(ref);
    if (text !== undefined && !found.some((f) => f.ref === ref)) found.push({ ref, text });
  }
  return found;
}

/** The task an id (`T012`, `2.1`) or an exact text names, or why there is none. */
export function findTask(model: PlanModel, lines: LineIndex, ref: string): TaskItem | string {
  const wanted = ref.trim();
  const byId = model.tasks.filter((t) => t.id !== undefined && t.id === wanted.toUpperCase());
  const found = byId.length > 0 ? byId : model.tasks.filter((t) => taskTexts(t).includes(wanted));
  if (found.length === 1) return found[0];
  if (found.length === 0) return `No task "${wanted}" in the plan: give its id (T012, 2.1) or its exact text.`;
  return `"${wanted}" names ${found.length} tasks (lines ${found.map((t) => lineOf(lines, t)).join(', ')}): give one that names a single task.`;
}

/**
 * Ticks a task: the offset of the one character to write (`x`), or why not. Refuses
 * when the task has an open dependency, names a file that does not exist, or has an
 * error finding of its own.
 */
export function completeTask(
  input: PlanInput,
  ref: string,
): { result: ToolResult<'plan_complete_task'>; offset?: number } {
  const { analysis, path } = input;
  const model = analysis.model;
  if (!model) return refuse(`${path} was not validated (${analysis.skipped ?? 'not a plan'}).`);
  const task = findTask(model, analysis.lines, ref);
  if (typeof task === 'string') return refuse(task);
  const described = describe(analysis.lines, task);
  if (task.checked)
    return {
      result: {
        ok: true,
        data: { path, task: described, alreadyDone: true },
        text: `Already done: ${described.text}.`,
      },
    };
  const waiting = waitsFor(analysis.graph?.nodeOf(task));
  if (waiting) return refuse(`Not ticked: ${waiting}`);
  const missing = filesOf(model, task)
    .filter((f) => input.completion?.files.get(f.path) === null)
    .map((f) => f.path);
  if (missing.length > 0) return refuse(`Not ticked: the files it names do not exist: ${missing.join(', ')}.`);
  const errors = analysis.findings.filter((f) => f.severity === 'error' && inside(analysis, f, task));
  if (errors.length > 0)
    return refuse(`Not ticked: the task has errors: ${errors.map((f) => `${f.rule}: ${f.message}`).join(' ')}`);
  return {
    offset: task.checkbox.start + 1,
    result: { ok: true, data: { path, task: described, alreadyDone: false }, text: `Ticked: ${described.text}.` },
  };
}

function refuse(reason: string): { result: ToolResult<'plan_complete_task'> } {
  return { result: { ok: false, reason } };
}

/** What keeps a task from being done yet, as the graph has it: open dependencies, then open earlier phases. */
function waitsFor(node: GraphNode | undefined): string | undefined {
  if (!node || node.blockedBy.length === 0) return undefined;
  const stated = node.blockedBy.filter((b) => node.dependsOn.includes(b));
  const phases = node.blockedBy.filter((b) => !node.dependsOn.includes(b));
  const name = (b: GraphNode) => `${nodeName(b)} (line ${b.line})`;
  const parts: string[] = [];
  if (stated.length > 0) parts.push(`it depends on open tasks: ${stated.map(name).join(', ')}`);
  if (phases.length > 0)
    parts.push(
      `earlier phases are not done: ${phases.slice(0, 5).map(name).join(', ')}${phases.length > 5 ? ` and ${phases.length - 5} more` : ''}`,
    );
  return `${parts.join('; ')}.`;
}

export function describe(lines: LineIndex, task: TaskItem): z.infer<typeof taskRef> {
  return { id: task.id, text: task.block?.title || task.text, line: lineOf(lines, task) };
}

function taskTexts(task: TaskItem): string[] {
  const texts = [task.text, task.block?.title ?? ''];
  return texts.map((t) => t.trim()).filter(Boolean);
}

/** 1-based line of the task's checkbox. */
function lineOf(lines: LineIndex, task: TaskItem): number {
  return lines.position(task.checkbox.start).line + 1;
}

/** Is the finding on the task's own lines (not on a subtask's)? */
function inside(analysis: Analysis, finding: Finding, task: TaskItem): boolean {
  const offset = analysis.lines.offset(finding.range.start);
  if (offset < task.start || offset >= task.end) return false;
  const model = analysis.model!;
  return !model.tasks.some((t) => t.parent === task && offset >= t.start && offset < t.end);
}

function countSeverities(findings: readonly Finding[]): Record<Severity, number> {
  const c: Record<Severity, number> = { error: 0, warning: 0, information: 0, hint: 0 };
  for (const f of findings) c[f.severity]++;
  return c;
}
