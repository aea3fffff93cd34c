import { SpanCursor } from './brackets';
import type { MalformedCheckbox, Span } from './model';

// A list-like line start: indentation or quote markers, then a bullet (maybe
// glued to the bracket), then a bracket pair with at most three characters.
const CANDIDATE = /^([ \t>]*)(?:([*+-]|\d{1,9}[.)])([ \t]*))?\[([^\]\r\n]{0,3})\](.?)/gm;
// Marks people use that GFM does not know: "done" ones become [x], "in progress" ones [ ].
const DONE_MARKS = new Set(['v', 'V', '✓', '✔', '☑', '✅', '*', '+']);
const OPEN_MARKS = new Set(['o', 'O', '/', '-', '~', '.']);

/** Lines meant as task items that GFM does not read as one: `- []`, `-[ ]`, `- [ x]`, `- [v]`, `[ ] text`. */
export function scanMalformedCheckboxes(text: string, codeSpans: Span[]): MalformedCheckbox[] {
  const found: MalformedCheckbox[] = [];
  const code = new SpanCursor(codeSpans);
  CANDIDATE.lastIndex = 0;
  for (let m = CANDIDATE.exec(text); m; m = CANDIDATE.exec(text)) {
    if (m[0].length === 0) {
      CANDIDATE.lastIndex++;
      continue;
    }
    const [whole, indent, bullet, gap, inner, next] = m;
    const fixed = diagnose(bullet, gap ?? '', inner, next);
    if (!fixed) continue;
    const start = m.index + indent.length;
    // The match may have consumed one character after `]` (`next`): keep it out of the span.
    const end = m.index + whole.length - next.length;
    if (code.contains(start)) continue;
    found.push({ start, end, replacement: fixed, found: text.slice(start, end) });
  }
  return found;
}

/** The corrected marker, or undefined when the line is fine or not a checkbox at all. */
function diagnose(bullet: string | undefined, gap: string, inner: string, next: string): string | undefined {
  // `[text](url)`, `[x]: definition`, `[label]` text: links and ordinary brackets.
  if (next === '(' || next === ':' || next === '[') return undefined;
  const mark = markFor(inner);
  if (mark === undefined) return undefined;
  const markerText = `[${mark}]`;
  if (bullet === undefined) {
    // A bare `[ ] text` at the start of a line.
    if (next !== ' ' && next !== '\t') return undefined;
    return `- ${markerText}`;
  }
  const wellFormed = gap.length > 0 && inner === mark && (next === '' || next === ' ' || next === '\t');
  if (wellFormed) return undefined;
  // `- [v]` with nothing after it is more likely a list of letters than a task.
  if (next === '' && (DONE_MARKS.has(inner) || OPEN_MARKS.has(inner))) return undefined;
  const space = next !== '' && next !== ' ' && next !== '\t' ? ' ' : '';
  return `${bullet} ${markerText}${space}`;
}

/** What the brackets should hold: `[]`, `[  ]` → space; `[ x]` → x; `[v]`, `[✓]` → x; `[/]`, `[-]` → space. */
function markFor(inner: string): string | undefined {
  const trimmed = inner.trim();
  if (trimmed === '') return ' ';
  if (trimmed === 'x' || trimmed === 'X') return trimmed;
  if (DONE_MARKS.has(inner)) return 'x';
  if (OPEN_MARKS.has(inner)) return ' ';
  return undefined;
}
