import type { BracketText, Span } from './model';

// Non-nested, single-line, bounded: linear even on thousands of unclosed brackets.
const BRACKET = /\[([^[\]\r\n]{1,300})\]/g;
// `{{NAME}}`: a template engine's slot.
const MUSTACHE = /\{\{([^{}\r\n]{1,100})\}\}/g;
// spec-kit's marker for an open question, written without brackets.
const CLARIFY = /NEEDS CLARIFICATION/g;

/**
 * Every `[…]` in the source that is text: not a link, image, footnote, wiki link
 * or checkbox marker; every `{{…}}`; and each `NEEDS CLARIFICATION` outside
 * brackets that marks an open question (it fills its slot, or a `:` and the
 * question follow) rather than talking about such markers. Brackets inside code,
 * HTML or front matter are kept and marked `inCode`, because a template
 * placeholder left in a code block is still a placeholder. References to
 * definitions in other pieces are links here too: such pieces are parsed with
 * those definitions (references.ts). Candidates come in document order.
 */
export function bracketCandidates(text: string, codeSpans: Span[], linkSpans: Span[]): BracketText[] {
  const found: BracketText[] = [];
  const code = new SpanCursor(codeSpans);
  const links = new SpanCursor(linkSpans);
  for (const { start, end, inner } of matches(BRACKET, text)) {
    // Checkbox markers, footnotes (`[^1]`), GitHub alerts (`> [!NOTE]`).
    if (/^[ xX]$/.test(inner) || inner.startsWith('^') || inner.startsWith('!')) continue;
    if (text[start - 1] === '!' || (text[start - 1] === '[' && text[end] === ']')) continue;
    const inCode = code.contains(start);
    if (!inCode && (links.contains(start) || quoted(text, start, end))) continue;
    found.push({ start, end, text: text.slice(start, end), inCode, slot: fillsSlot(text, start, end) });
  }
  const more = [...mustaches(text, codeSpans, linkSpans), ...clarifications(text, codeSpans, found)];
  if (more.length === 0) return found;
  return [...found, ...more].sort((a, b) => a.start - b.start);
}

function mustaches(text: string, codeSpans: Span[], linkSpans: Span[]): BracketText[] {
  const found: BracketText[] = [];
  const code = new SpanCursor(codeSpans);
  const links = new SpanCursor(linkSpans);
  for (const { start, end } of matches(MUSTACHE, text)) {
    const inCode = code.contains(start);
    if (!inCode && links.contains(start)) continue;
    found.push({ start, end, text: text.slice(start, end), inCode, slot: fillsSlot(text, start, end) });
  }
  return found;
}

/** `NEEDS CLARIFICATION` as a marker: not in code, not inside brackets (those are bracket candidates). */
function clarifications(text: string, codeSpans: Span[], brackets: BracketText[]): BracketText[] {
  const found: BracketText[] = [];
  const code = new SpanCursor(codeSpans);
  const bracketed = new SpanCursor(brackets);
  for (const { start, end } of matches(CLARIFY, text)) {
    if (code.contains(start) || bracketed.contains(start)) continue;
    const slot = fillsSlot(text, start, end);
    if (!slot && !/^:[ \t]*\S/.test(text.slice(end, end + 3))) continue;
    found.push({ start, end, text: text.slice(start, end), inCode: false, slot });
  }
  return found;
}

/** Each match of a global regex in the text: where it lies, and its first group. */
function* matches(re: RegExp, text: string): Generator<{ start: number; end: number; inner: string }> {
  re.lastIndex = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) yield { start: m.index, end: m.index + m[0].length, inner: m[1] };
}

// What may stand before a text that fills its slot, from the line's start or a
// `|` (a table cell, or `**Branch**: … | **Date**: …`): quote markers, a heading's
// hashes, a bullet, a checkbox, then a label: `**Owner**:`, `Owner:`, a heading's
// `Feature 1:` or `Phase 2 —`; and emphasis around the text itself.
const LABEL = String.raw`(?:\*\*[^*\r\n]{1,60}?\*\*:?|__[^_\r\n]{1,60}?__:?|\p{L}[\p{L}\p{N} /&'().-]{0,60}:|\p{L}[\p{L} ]{0,40}\p{N}+[ \t]+[-–—])`;
const SLOT_BEFORE = new RegExp(
  String.raw`^[ \t]*(?:>[ \t]*)*(?:#{1,6}[ \t]+)?(?:(?:[*+-]|\d{1,9}[.)])[ \t]+)?(?:\[[ xX]\]\*?[ \t]+)?(?:${LABEL}[ \t]*)?[*_]{0,2}$`,
  'u',
);
const SLOT_AFTER = /^[*_]{0,2}[ \t]*[.,;:!?]?[ \t]*#*[ \t]*$/;

/**
 * Does the text at start..end fill a whole slot: a paragraph line, a list item,
 * a table cell, a field's value, a heading's name? Then it stands for content,
 * where bracketed text inside a sentence is prose.
 */
export function fillsSlot(text: string, start: number, end: number): boolean {
  let from = start;
  while (from > 0 && text[from - 1] !== '\n' && text[from - 1] !== '\r' && text[from - 1] !== '|') from--;
  let to = end;
  while (to < text.length && text[to] !== '\n' && text[to] !== '\r' && text[to] !== '|') to++;
  return SLOT_AFTER.test(text.slice(end, to)) && SLOT_BEFORE.test(text.slice(from, start));
}

/** `"[e.g., …]"`: a placeholder quoted in prose is talked about, not left unfilled. */
function quoted(text: string, start: number, end: number): boolean {
  const open = text[start - 1];
  const close = text[end];
  return (open === '"' && close === '"') || (open === '“' && close === '”') || (open === "'" && close === "'");
}

/** Membership test for offsets that arrive in increasing order. */
export class SpanCursor {
  private i = 0;
  constructor(private readonly spans: Span[]) {}

  contains(offset: number): boolean {
    while (this.i < this.spans.length && this.spans[this.i].end <= offset) this.i++;
    // Spans may nest (a link inside emphasis inside a table): look at the few that start before.
    for (let j = this.i; j < this.spans.length && this.spans[j].start <= offset; j++) {
      if (this.spans[j].end > offset) return true;
    }
    return false;
  }
}
