import type { PlanModel, Span, TaskItem } from './model';

// The files a task names as its work: the values of its `**File**` / `**Tests**`
// fields, a path after "in" on its first line (spec-kit's "Create User model in
// src/models/user.py"), and backticked paths on its first line. What counts as a
// path is decided here, from the text alone; whether it exists is a fact the
// caller gathers from the disk (server/src/node/completionFacts.ts).

export interface NamedFile {
  /** The path as the plan names it, without `./`, a leading `/` or backticks. */
  path: string;
  /** Where the plan writes it. */
  span: Span;
}

/** Field keys (see fields.ts: lower case, singular) whose values name the task's files. */
const FILE_FIELDS = new Set(['file', 'test', 'test file', 'path', 'location']);

/** A field value's entries: what lies between spaces, commas and semicolons. */
const TOKEN = /[^\s,;]+/g;
/** "in src/x.py", "in `src/x.py`", "in backend/pyproject.toml": the spec-kit task format. */
const IN_PATH = /\bin\s+([^\s,;]+)/g;
const BACKTICKED = /`([^`\r\n]+)`/g;
/** A last segment with an extension of letters and digits: `user.py`, `schema.prisma`, `page.test.tsx`. */
const FILE_NAME = /^[^/]*[\p{L}\p{N}_-]\.[\p{L}\p{N}]{1,12}$/u;

/**
 * The files named by a task, each once. `bare` file names (no folder) count only
 * where the plan says they are files (a field, "in x.py"); a backticked bare name is
 * as often an identifier (`user.name`) as a file, so it is left alone.
 */
export function namedFiles(model: PlanModel, task: TaskItem): NamedFile[] {
  const found = new Map<string, NamedFile>();
  const add = (raw: string, start: number, allowBare: boolean) => {
    const path = normalise(raw, allowBare);
    if (!path || found.has(path)) return;
    const at = Math.max(0, raw.indexOf(path));
    found.set(path, { path, span: { start: start + at, end: start + at + path.length } });
  };
  for (const field of task.block?.fields ?? []) {
    if (!FILE_FIELDS.has(field.key)) continue;
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(field.value); m; m = TOKEN.exec(field.value))
      add(m[0], field.valueSpan.start + m.index, true);
  }
  const line = firstLine(model.text, task);
  IN_PATH.lastIndex = 0;
  for (let m = IN_PATH.exec(line.text); m; m = IN_PATH.exec(line.text)) {
    add(m[1], line.start + m.index + m[0].length - m[1].length, true);
  }
  BACKTICKED.lastIndex = 0;
  for (let m = BACKTICKED.exec(line.text); m; m = BACKTICKED.exec(line.text))
    add(m[1], line.start + m.index + 1, false);
  return [...found.values()];
}

/** The task's first line after its checkbox, as written (backticks kept). */
function firstLine(text: string, task: TaskItem): { text: string; start: number } {
  const start = task.checkbox.end;
  const re = /\r|\n/g;
  re.lastIndex = start;
  const end = re.exec(text)?.index ?? text.length;
  return { text: text.slice(start, end), start };
}

/** The path, or undefined when the token does not look like one. */
function normalise(raw: string, allowBare: boolean): string | undefined {
  // Backticks, quotes and brackets around the entry, and sentence punctuation after it.
  const token = raw
    .trim()
    .replace(/^[`'"(]+/, '')
    .replace(/[`'")]*[.:,;)]*$/, '');
  // URLs, routes (`/api/users`), home and variable paths, scoped packages, placeholders, globs.
  if (!token || /[\s`'"<>[\]{}*?|]|:\/\/|^[/~$@%]|^[a-z]:/i.test(token) || token.includes('...')) return undefined;
  const path = token.replace(/^\.\//, '');
  if (!path || path.startsWith('../') || path.split('/').some((segment) => segment === '..')) return undefined;
  const directory = path.endsWith('/');
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0) return undefined;
  const last = segments[segments.length - 1];
  if (segments.length === 1 && (!allowBare || directory)) return undefined;
  // `feature/login`, `owner/repo`, `text/html`: a path without a file name or a trailing slash is not a file.
  if (!directory && !FILE_NAME.test(last)) return undefined;
  // Version numbers and numbers with units (`v1.2`, `3.5`) are not files.
  if (/^v?\d+(?:\.\d+)+$/i.test(last)) return undefined;
  return path;
}
