import type { BracketText, Span } from './model';

// Non-nested, single-line, bounded: linear even on thousands of unclosed brackets.
const BRACKET = /\[([^[\]\r\n]{1,300})\]/g;

/**
 * Every `[…]` in the source that is text: not a link, image, footnote, wiki link
 * or checkbox marker. Brackets inside code, HTML or front matter are kept and
 * marked `inCode`, because a template placeholder left in a code block is still
 * a placeholder. References to definitions in other pieces are links here too:
 * such pieces are parsed with those definitions (references.ts).
 */
export function bracketCandidates(text: string, codeSpans: Span[], linkSpans: Span[]): BracketText[] {
  const found: BracketText[] = [];
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
    found.push({ start, end, text: m[0], inCode });
  }
  return found;
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
