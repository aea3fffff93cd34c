import type { PlanModel, Span, TaskItem } from './model';

// The files a task names, one notion for every reader: the parallel-conflict
// rule (two tasks free to run at once change one file), phantom-completion (a
// ticked task's files must exist and have changed) and the agent tools (what an
// agent is told to work on). Read from the text alone; whether a file exists is
// a fact the caller gathers from the disk (server/src/node/completionFacts.ts).
//
// A task names:
//   - the entries of its `**File**` / `**Tests**` / `**Path**` / `**Location**`
//     fields (a bare name such as `order.ts` counts there, and a folder written
//     with a trailing slash, `prisma/migrations/`);
//   - in its title (a task block) or first line (a plain task, spec-kit's
//     "T012 [P] Create User model in src/models/user.py"): paths with a folder,
//     file names with a well-known extension, a bare file name after "in", and
//     backticked folders.
// Prose further down a task (notes, acceptance criteria) is not read: it names
// files to look at as often as files to change. Not files: routes (`/api/users`),
// URLs, placeholders (`[service-name].ts`), globs, `../` paths, versions (`v1.2`).

export interface FileMention extends Span {
  /** Normalised path: no `./`, no leading `/`, no backticks; a folder ends with `/`. */
  path: string;
  /** A folder (`prisma/migrations/`): work happens in it, but two tasks under it do not collide. */
  folder: boolean;
}

/** Field keys (fields.ts: lower case, singular) whose values name the task's files. */
const FILE_FIELDS = new Set(['file', 'test', 'test file', 'path', 'location']);
/** A field value's entries: what lies between spaces, commas and semicolons. */
const ENTRY = /[^\s,;]+/g;
/** "in utils.py", "in `main.zig`": spec-kit's way of naming a task's file. */
const IN_PATH = /\bin\s+(`?[^\s,;`]+`?)/g;
/** A backticked folder on the first line: `src/components/`. */
const BACKTICKED_FOLDER = /`([^`\r\n\s]+\/)`/g;
/** What a kind of mention may name: a name without a folder (`order.ts`), a folder (`src/models/`). */
interface Allow {
  bare: boolean;
  folder: boolean;
}
/** A field says it names files: bare names and folders count. */
const FIELD: Allow = { bare: true, folder: true };
/** A path or file name in the task's line ("in utils.py", `README.md`). */
const NAME: Allow = { bare: true, folder: false };
/** A backticked folder in the task's line: with a folder of its own (`src/` alone is too vague). */
const FOLDER: Allow = { bare: false, folder: true };
/** A last segment with an extension of letters and digits: `user.py`, `schema.prisma`, `page.test.tsx`. */
const FILE_NAME = /^[^/]*[\p{L}\p{N}_-]\.[\p{L}\p{N}]{1,12}$/u;
/** Files without an extension that are files all the same: `Dockerfile`, `Makefile`, `Gemfile`. */
const BUILD_FILE = /^[A-Z][a-z]*file$/;

// A path with a folder (`src/models/user.py`, `frontend/.eslintrc.js`) or a
// bare file name with a well-known extension (`package.json`, `README.md`), not a
// call (`express.json()`).
// `$` belongs to file names such as React Router's `routes/invite.$token.tsx`.
const SEGMENT = String.raw`[\p{L}\p{N}_@+.$-]+`;
const PATH_TOKEN = new RegExp(
  String.raw`(?<![\p{L}\p{N}_@+./:$-])(?:\.{0,2}\/)?(?:${SEGMENT}\/)+(?:\.?[\p{L}\p{N}_@+$-]+(?:\.[\p{L}\p{N}_$-]+)+|\.[\p{L}\p{N}_-]+)|(?<![\p{L}\p{N}_@+./:$-])\.?[\p{L}\p{N}_@+-]+(?:\.[\p{L}\p{N}_@+$-]+)*\.(?:EXT)(?![\p{L}\p{N}_/(-])`.replace(
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

/** "Node.js", "PDF.js", "Three.js": libraries, not files. */
const FRAMEWORK = /^[A-Z][A-Za-z0-9]*\.js$/;
/** `process.env`, `import.meta.env`: a program's environment, not a `.env` file. */
const ENV_OBJECT = /^(?:process|import\.meta)\.env$/;
/**
 * Chinese, Japanese and Korean prose runs into a path without a space
 * ("扩展…字段xueran/cloud/index.js"): the path starts after the last such character of
 * its first segment that Latin text follows. A folder named in those scripts (`文档/设计.md`) stays.
 */
const GLUED_PROSE = /^[^/]*[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}](?=[A-Za-z0-9_.@-])/u;

/** A ticked task's line: list marker (in a quote or not), `[x]`, the rest of the line. */
const TICKED_LINE = /^[ \t>]*(?:[-*+]|\d{1,9}[.)])[ \t]+\[[xX]\]([^\r\n]*)/gm;
/** What every mention on a task's line has: a `.` or `/` (paths, names with extensions), a backtick, or a build file's name. */
const MAY_NAME = /[./`]|[A-Z][a-z]*file\b/;
/** A field of FILE_FIELDS, as fields.ts reads a label (any case, singular or plural). */
const FILE_FIELD =
  /(?:\*\*|__)[ \t]*(?:files?|tests?|test[ \t]+files?|paths?|locations?)[ \t]*(?::(?:\*\*|__)|(?:\*\*|__)[ \t]*:)/i;

/**
 * Whether a ticked task of the text may name files, read from the text alone: false only when
 * none does (no ticked task, or none whose line or block could name one). Lets a caller skip
 * or start early the work for ticked tasks' files (git) before the analysis says which they are.
 */
export function mayNameTickedFiles(text: string): boolean {
  let ticked = false;
  for (const m of text.matchAll(TICKED_LINE)) {
    if (MAY_NAME.test(m[1])) return true;
    ticked = true;
  }
  return ticked && FILE_FIELD.test(text);
}

/** Files each task names (tasks naming none are left out), in document order of the mention. */
export function taskFiles(model: PlanModel): Map<TaskItem, FileMention[]> {
  const files = new Map<TaskItem, FileMention[]>();
  for (const task of model.tasks) {
    const found = filesOf(model, task);
    if (found.length > 0) files.set(task, found);
  }
  return files;
}

/** The files one task names, each path once (its first mention). */
export function filesOf(model: PlanModel, task: TaskItem): FileMention[] {
  const found: FileMention[] = [];
  const add = (raw: string, start: number, allow: Allow) => {
    const m = mention(raw, start, allow);
    if (m && !found.some((f) => f.path === m.path)) found.push(m);
  };
  for (const field of task.block?.fields ?? []) {
    if (!FILE_FIELDS.has(field.key)) continue;
    for (const m of field.value.matchAll(ENTRY)) add(m[0], field.valueSpan.start + m.index, FIELD);
  }
  const line = task.block ? task.block.titleSpan : firstLine(model.text, task);
  const text = model.text.slice(line.start, line.end);
  const inLine: Array<{ raw: string; at: number; allow: Allow }> = [];
  for (const m of text.matchAll(PATH_TOKEN)) {
    if (!FRAMEWORK.test(m[0]) && !ENV_OBJECT.test(m[0])) inLine.push({ raw: m[0], at: m.index, allow: NAME });
  }
  for (const m of text.matchAll(IN_PATH))
    inLine.push({ raw: m[1], at: m.index + m[0].length - m[1].length, allow: NAME });
  for (const m of text.matchAll(BACKTICKED_FOLDER)) inLine.push({ raw: m[1], at: m.index + 1, allow: FOLDER });
  inLine.sort((a, b) => a.at - b.at);
  for (const { raw, at, allow } of inLine) add(raw, line.start + at, allow);
  return found;
}

function firstLine(text: string, task: TaskItem): Span {
  const re = /\r|\n/g;
  re.lastIndex = task.checkbox.end;
  const m = re.exec(text);
  return { start: task.checkbox.end, end: m && m.index < task.end ? m.index : task.end };
}

/** The mention, or undefined when the token is not a file's path. */
function mention(raw: string, start: number, allow: Allow): FileMention | undefined {
  // Backticks, quotes and brackets around the entry, prose glued to it, and sentence punctuation after it.
  const quoted = raw.length - raw.replace(/^[`'"(]+/, '').length;
  const lead = quoted + (GLUED_PROSE.exec(raw.slice(quoted))?.[0].length ?? 0);
  const token = raw.slice(lead).replace(/[`'")]*[.:,;)]*$/, '');
  // URLs, routes (`/api/users`), home and variable paths, scoped packages, placeholders, globs.
  if (!token || /[\s`'"<>[\]{}*?|]|:\/\//.test(token) || /^[~$@%]|^[a-z]:/i.test(token) || token.includes('...'))
    return undefined;
  const path = token.replace(/^\.\//, '').replace(/^\//, '');
  if (!path || path.split('/').some((segment) => segment === '..')) return undefined;
  const folder = path.endsWith('/');
  const segments = path.split('/').filter(Boolean);
  if (segments.length === 0 || (folder && !allow.folder)) return undefined;
  // `prisma/`, `user.name`: a name without a folder is a file only where the plan says so.
  if (segments.length === 1 && !allow.bare) return undefined;
  const last = segments[segments.length - 1];
  // `feature/login`, `owner/repo`, `text/html`: a path without a file name or a trailing slash is not a file.
  if (!folder && !FILE_NAME.test(last) && !BUILD_FILE.test(last)) return undefined;
  // Version numbers (`v1.2`, `3.5`) and measurements ("completes in 0.8s", `12.5ms`) are not files.
  if (/^v?\d+(?:\.\d+)+$/i.test(last) || /^\d+(?:\.\d+)+(?:[a-z]{1,2}|%)$/i.test(last)) return undefined;
  const at = start + lead + (token.length - token.replace(/^\.\//, '').replace(/^\//, '').length);
  return { path, folder, start: at, end: at + path.length };
}
