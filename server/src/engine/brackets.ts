import type { BracketText, Span } from './model';

// Non-nested, single-line, bounded: linear even on thousands of unclosed brackets.
const BRACKET = /\[([^[\]\r\n]{1,300})\]/g;

/** A bracketed text, and the label that makes it a link if the document defines it. */
export interface BracketCandidate extends BracketText {
  label?: string;
}

/**
 * Every `[…]` in the source that is text: not a link, image, footnote, wiki link
 * or checkbox marker. Brackets inside code, HTML or front matter are kept and
 * marked `inCode`, because a template placeholder left in a code block is still
 * a placeholder. The parser sees one section at a time, so a reference to a
 * definition in another section looks like text here: `label` is the reference
 * label to look up among all the document's definitions.
 */
export function bracketCandidates(text: string, codeSpans: Span[], linkSpans: Span[]): BracketCandidate[] {
  const found: BracketCandidate[] = [];
  const code = new SpanCursor(codeSpans);
  const links = new SpanCursor(linkSpans);
  BRACKET.lastIndex = 0;
  for (let m = BRACKET.exec(text); m; m = BRACKET.exec(text)) {
    const start = m.index;
    const end = start + m[0].length;
    const inner = m[1];
    if (/^[ xX]$/.test(inner) || inner.startsWith('^')) continue;
    if (text[start - 1] === '!' || (text[start - 1] === '[' && text[end] === ']')) continue;
    const inCode = code.contains(start);
    if (!inCode && links.contains(start)) continue;
    found.push({ start, end, text: m[0], inCode, label: inCode ? undefined : referenceLabel(text, end, inner) });
  }
  return found;
}

/** `[label]`, `[label][]` and `[text][label]` are links when the label is defined. */
function referenceLabel(text: string, end: number, inner: string): string {
  const after = /^\[([^[\]\r\n]*)\]/.exec(text.slice(end, end + 302));
  const label = after && after[1] !== '' ? after[1] : inner;
  return label.trim().replace(/\s+/g, ' ').toLowerCase();
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
