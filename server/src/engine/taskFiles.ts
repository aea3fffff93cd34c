import type { PlanModel, Span, TaskItem } from './model';

// The files a task says it changes: a task block's `**File**:` / `**Files**:`
// entries and the paths in its title, or the paths on a plain task's first line
// (spec-kit: "T012 [P] Create User model in src/models/user.py"). Prose further
// down a task (notes, acceptance criteria) is not read: it names files to look
// at as often as files to change. Directories are not files: two tasks under
// `src/` do not collide.

export interface FileMention extends Span {
  /** Normalised path: no `./`, no leading `/`, no backticks. */
  path: string;
}

// A path with a folder (`src/models/user.py`, `frontend/.eslintrc.js`) or a
// bare file name with a well-known extension (`package.json`, `README.md`).
const SEGMENT = String.raw`[\p{L}\p{N}_@+.-]+`;
const PATH_TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@+./:-])(?:\.{0,2}\/)?(?:${SEGMENT}\/)+(?:\.?[\p{L}\p{N}_@+-]+(?:\.[\p{L}\p{N}_-]+)+|\.[\p{L}\p{N}_-]+)|(?<![\p{L}\p{N}_@+./:-])\.?[\p{L}\p{N}_@+-]+(?:\.[\p{L}\p{N}_@+-]+)*\.(?:EXT)(?![\p{L}\p{N}_/-])`.replace(
    'EXT',
    [
      'tsx?',
      'jsx?',
      'mjs',
      'cjs',
      'json',
      'md',
      'py',
      'rb',
      'go',
      'rs',
      'java',
      'kt',
      'cs',
      'swift',
      'sol',
      'ya?ml',
      'toml',
      'html?',
      's?css',
      'sql',
      'sh',
      'vue',
      'svelte',
      'php',
      'c',
      'h',
      'cpp',
      'hpp',
      'xml',
      'gradle',
      'prisma',
      'proto',
      'graphql',
      'dart',
      'tf',
      'lock',
      'ini',
      'env',
    ].join('|'),
  ),
  'gu',
);

const FRAMEWORK = /^[A-Z][a-z]+\.js$/;

/** Files each task names, in document order of the mention (the first mention of a path per task). */
export function taskFiles(model: PlanModel): Map<TaskItem, FileMention[]> {
  const files = new Map<TaskItem, FileMention[]>();
  for (const task of model.tasks) {
    const found: FileMention[] = [];
    const add = (m: FileMention) => {
      if (m.path && !found.some((f) => f.path === m.path)) found.push(m);
    };
    if (task.block) {
      for (const field of task.block.fields) {
        if (field.key !== 'file') continue;
        for (const m of entries(field.value, field.valueSpan.start)) add(m);
      }
      for (const m of pathsIn(model.text, task.block.titleSpan)) add(m);
    } else {
      for (const m of pathsIn(model.text, firstLine(model.text, task))) add(m);
    }
    if (found.length > 0) files.set(task, found);
  }
  return files;
}

function firstLine(text: string, task: TaskItem): Span {
  const re = /\r|\n/g;
  re.lastIndex = task.checkbox.end;
  const m = re.exec(text);
  return { start: task.checkbox.end, end: m && m.index < task.end ? m.index : task.end };
}

/** `File` field entries: each comma-separated entry is a path, even without a folder (`order.ts`). */
function entries(value: string, offset: number): FileMention[] {
  const out: FileMention[] = [];
  const re = /[^,;]+/g;
  for (let m = re.exec(value); m; m = re.exec(value)) {
    const raw = m[0];
    const text = raw.trim().replace(/^`|`$/g, '');
    const path = normalise(text);
    if (!path || path.endsWith('/') || /\s/.test(path) || /^\(?none\)?$|^n\/?a$|^-+$/i.test(path)) continue;
    const start = offset + m.index + (raw.length - raw.trimStart().length);
    out.push({ path, start, end: start + raw.trim().length });
  }
  return out;
}

function pathsIn(text: string, span: Span): FileMention[] {
  const out: FileMention[] = [];
  const slice = text.slice(span.start, span.end);
  for (const m of slice.matchAll(PATH_TOKEN)) {
    const token = m[0].replace(/[.,;:]+$/, '');
    // "Node.js", "Vue.js": frameworks, not files.
    if (FRAMEWORK.test(token)) continue;
    out.push({ path: normalise(token), start: span.start + m.index, end: span.start + m.index + token.length });
  }
  return out;
}

function normalise(path: string): string {
  return path.replace(/^\.\//, '').replace(/^\//, '');
}
