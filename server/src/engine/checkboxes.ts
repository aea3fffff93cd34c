import { SpanCursor } from './brackets';
import { lineEnd } from './lineIndex';
import type { MalformedCheckbox, Span, TaskState } from './model';

// Task markers beyond GFM's `[ ]` / `[x]`, and list-like lines that were meant
// as tasks but are not one. One table of markers serves both, so that a line the
// model tracks as a task and a line this rule reports never disagree.

// A list-like line start: indentation or quote markers, then a bullet (maybe
// glued to the bracket), then a bracket pair with at most three characters.
const CANDIDATE = /^([ \t>]*)(?:([*+-]|\d{1,9}[.)])([ \t]*))?\[([^\]\r\n]{0,3})\](.?)/gmu;
// Marks people use that GFM does not know: "done" ones become [x], "open" ones [ ].
const DONE_MARKS = new Set(['v', 'V', '✓', '✔', '☑', '✅', '*', '+']);
const OPEN_MARKS = new Set(['o', 'O', '~', '.']);
// In progress, as Kiro, Spec Workflow, Obsidian Tasks and Todo+ write it.
const IN_PROGRESS_MARKS = new Set(['-', '/']);

/**
 * The state a one-character marker between a bullet's brackets gives its task:
 * `[ ]` open, `[x]` done, `[-]` / `[/]` in progress, a symbol (`[~]`, `[?]`, `[✓]`)
 * unknown (tracked as not done, and reported), a letter or digit nothing: `[P]`
 * and `[1]` are tags and references.
 */
export function markerState(mark: string): TaskState | undefined {
  if (mark === ' ') return 'open';
  if (mark === 'x' || mark === 'X') return 'done';
  if (IN_PROGRESS_MARKS.has(mark)) return 'in-progress';
  if (DONE_MARKS.has(mark) || OPEN_MARKS.has(mark)) return 'unknown';
  if (/^[\p{P}\p{S}]$/u.test(mark) && mark !== '[' && mark !== '^') return 'unknown';
  return undefined;
}

/**
 * A task item's marker after its bullet, in the item's own source: `[?]` then an
 * optional `*` (Kiro's optional task; `\*` once a Markdown formatter has escaped it),
 * then a blank and text. Undefined when the item is not a task. `offset` is where
 * the `[` starts within `source`.
 */
export function taskMarker(
  source: string,
): { state: TaskState; optional: boolean; offset: number; length: number } | undefined {
  const m = /^([ \t]*(?:[*+-]|\d{1,9}[.)])[ \t]+)\[([^\]\r\n])\](\\?\*)?[ \t]+\S/u.exec(source);
  const state = m ? markerState(m[2]) : undefined;
  if (!m || !state) return undefined;
  return { state, optional: m[3] !== undefined, offset: m[1].length, length: m[2].length + 2 };
}

/**
 * Lines meant as task items that are not a tracked task: `- []`, `-[ ]`, `- [ x]`,
 * `[ ] text`; and task items whose marker planmark does not know (`- [~] text`),
 * which are tracked as not done but reported all the same.
 */
export function scanMalformedCheckboxes(text: string, codeSpans: Span[]): MalformedCheckbox[] {
  const found: MalformedCheckbox[] = [];
  const code = new SpanCursor(codeSpans);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    const [whole, indent, bullet, gap, inner, next] = m;
    const start = m.index + indent.length;
    // The match may have consumed one character after `]` (`next`): keep it out of the span.
    const end = m.index + whole.length - next.length;
    const task = bullet === undefined ? undefined : taskMarker(text.slice(start, lineEnd(text, end)));
    const rest = text.slice(end, lineEnd(text, end));
    const diagnosis = task
      ? trackedDiagnosis(bullet, task.state, inner)
      : diagnose(bullet, gap ?? '', inner, next, rest);
    if (!diagnosis || code.contains(start)) continue;
    found.push({ start, end, ...diagnosis, found: text.slice(start, end) });
  }
  return found;
}

// A heading whose text starts with a checkbox: `#### [ ] T-001 Title`. Only the markers a task
// has (`[ ]`, `[x]`, `[-]`, `[/]`): `### [DEFERRED] Cache` and `## [P] Foo` are tags.
const HEADING_TASK = /^([ \t>]*)(#{1,6}[ \t]+\[([ xX/-]?)\])[ \t]+(\S[^\r\n]*)/gm;
// A task line behind text that starts the line, so it is a paragraph: a number (a pasted line
// number, `001: - [ ] …`, `12→- [ ] …`) or a label with a digit (`T-001: - [ ] …`). `1. - [ ]` and
// `1) - [ ]` are list items holding a task, which GFM reads as one.
const PREFIXED_TASK =
  /^([ \t>]*)((?:\d{1,6}(?:[ \t]*[:|→][ \t]*|[ \t]+)|(?=[\w.-]*\d)[A-Za-z][\w.-]{0,11}:[ \t]*)([*+-])[ \t]+\[([ xX/-]?)\])[ \t]+(\S[^\r\n]*)/gm;

/**
 * Checkboxes a line holds where they make no task: at the start of a heading's text, or after
 * text that starts the line. Nothing tracks such a line, and no fix is certain (a heading may
 * head a section; `001:` may be a pasted line number or the task's id), so none is offered.
 */
export function scanMisplacedCheckboxes(text: string, excluded: Span[]): MalformedCheckbox[] {
  const found: MalformedCheckbox[] = [];
  const scan = (re: RegExp, placement: 'heading' | 'after-text') => {
    const skip = new SpanCursor(excluded);
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const start = m.index + m[1].length;
      if (skip.contains(start)) continue;
      const rest = m[m.length - 1].replace(/[ \t]+#+[ \t]*$/, '').trimEnd();
      const mark = m[placement === 'heading' ? 3 : 4] || ' ';
      // `001: ` may be the task's id, kept; a bare `12→` or `12 ` is a pasted line number, dropped.
      const prefix = placement === 'heading' ? '' : checkboxPrefix(m[2]);
      const kept = prefix.endsWith(':') ? `${prefix} ` : '';
      found.push({
        start,
        end: start + m[2].length,
        found: m[2],
        tracked: false,
        placement,
        asTask: `- [${mark}] ${kept}${rest}`,
      });
    }
  };
  scan(HEADING_TASK, 'heading');
  scan(PREFIXED_TASK, 'after-text');
  return found.sort((a, b) => a.start - b.start);
}

/** The text before the bullet of a checkbox placed after text: `001: - [ ]` → `001:`. */
export function checkboxPrefix(found: string): string {
  return found.replace(/[ \t]*[*+-][ \t]+\[[^\]]*\]$/, '').trim();
}

type Diagnosis = Pick<MalformedCheckbox, 'replacement' | 'tracked'>;

/** A task item the model tracks: only an unknown marker is worth a word (with a fix when its meaning is clear). */
function trackedDiagnosis(bullet: string, state: TaskState, inner: string): Diagnosis | undefined {
  if (state !== 'unknown') return undefined;
  const mark = markFor(inner);
  return { tracked: true, replacement: mark === undefined ? undefined : `${bullet} [${mark}]` };
}

/** What is wrong with a line that is no task item, or undefined when it is no checkbox at all. */
function diagnose(
  bullet: string | undefined,
  gap: string,
  inner: string,
  next: string,
  rest: string,
): Diagnosis | undefined {
  // `[text](url)`, `[x]: definition`, `[label]` text: links and ordinary brackets;
  // `[ ]*` without text: Kiro's optional marker, or emphasis, never a checkbox to fix.
  if (next === '(' || next === ':' || next === '[' || next === '*') return undefined;
  const mark = markFor(inner);
  if (mark === undefined) return undefined;
  const markerText = `[${mark}]`;
  if (bullet === undefined) {
    // A bare `[ ] text` at the start of a line; `[x] --> done` explains the markers instead.
    if (next !== ' ' && next !== '\t') return undefined;
    if (/^[ \t]*(?:-+>|=+>?|→|⇒|:|[-–—][ \t])/.test(rest)) return undefined;
    return { tracked: false, replacement: `- ${markerText}` };
  }
  const wellFormed = gap.length > 0 && inner === mark && (next === '' || next === ' ' || next === '\t');
  if (wellFormed) return undefined;
  // `- [v]` with nothing after it is more likely a list of letters than a task.
  if (next === '' && markerState(inner) !== undefined) return undefined;
  const space = next !== '' && next !== ' ' && next !== '\t' ? ' ' : '';
  return { tracked: false, replacement: `${bullet} ${markerText}${space}` };
}

/** What the brackets should hold: `[]`, `[  ]` → space; `[ x]` → x; `[v]`, `[✓]` → x; `[o]`, `[~]` → space. */
function markFor(inner: string): string | undefined {
  const trimmed = inner.trim();
  if (trimmed === '') return ' ';
  if (trimmed === 'x' || trimmed === 'X') return trimmed;
  if (DONE_MARKS.has(inner)) return 'x';
  if (OPEN_MARKS.has(inner)) return ' ';
  return undefined;
}
