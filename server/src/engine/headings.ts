// Forgiving heading comparison: people decorate headings ("Phase 2: Build ✅",
// "Timeline (Week 1)", "1.2 API Contract Design") and change case. Two headings
// are "the same section" when their keys are equal; a phase is keyed by its number.

// "Phase 2: Build", "PHASE 1 (Week 1)", "Phase 6 🎯" — but not "Phase 0 Output: research.md".
const PHASE = /^phase\s+(\d+(?:\.\d+)*)[ \t]*(?=$|[^\p{L}\p{N}\s])/iu;
// A status token: a check mark anywhere, or "(Complete)", "— DONE", "COMPLETE" at the end
// (decorations after it allowed); never a word mid-heading ("⚠️ MUST COMPLETE BEFORE 3.3").
const COMPLETE_MARK =
  /[✅✔☑]|(?:\((?:[Cc]ompleted?|COMPLETED?|[Dd]one|DONE)\)|(?<![\p{L}\p{N}])(?:COMPLETED?|DONE))[\s\p{Extended_Pictographic}\uFE0F.!]*$/u;
// Trailing decorations: emoji and symbols, parentheticals, bracketed tags, status
// words. Stripped by a loop from the end, not one regex: nested quantifiers over
// these characters backtrack exponentially on a heading full of `|` and `-`.
// eslint-disable-next-line no-misleading-character-class -- U+FE0F and U+200D are listed as single characters
const DECORATION_CHAR = /[\p{Extended_Pictographic}\p{So}\p{Sk}\uFE0F\u200D✓✗*_~|:–—\-\s]/u;
// eslint-disable-next-line no-misleading-character-class -- built from DECORATION_CHAR above
const DECORATION_PAIR = new RegExp(`^${DECORATION_CHAR.source}$`, 'u');
const TRAILING_GROUP = /(?:\([^()]*\)|\[[^[\]]*\]|\b(?:COMPLETED?|DONE|WIP|TODO))$/u;
const LEADING_NUMBER = /^(?:[A-Z][.)]|\d+(?:\.\d+)*[.)]?)\s+(?=\S)/u;
const LEADING_DECORATION = /^[\p{Extended_Pictographic}\p{So}\uFE0F\u200D\s]+/u;

export function phaseNumber(text: string): string | undefined {
  const m = PHASE.exec(text.replace(LEADING_DECORATION, '').trim());
  return m ? normalizeNumber(m[1]) : undefined;
}

function normalizeNumber(n: string): string {
  return n
    .split('.')
    .map((part) => String(Number(part)))
    .join('.');
}

// A claim the heading itself qualifies as partial: "(Partially complete ✅)", "✅ DONE (90%)".
const PARTIAL =
  /(?<![\p{L}\p{N}])(?:partial(?:ly)?|частично|teilweise|parcial(?:mente)?|partiel(?:lement)?)(?![\p{L}\p{N}])|部分|(?<![\p{N}.,])\d{1,2}(?:[.,]\d+)?[ \t]?%/iu;

export function claimsComplete(text: string): boolean {
  return COMPLETE_MARK.test(text) && !PARTIAL.test(text);
}

/** The comparison key for a heading's text. */
export function headingKey(text: string): string {
  const phase = phaseNumber(text);
  if (phase !== undefined) return `phase ${phase}`;
  let t = text.replace(LEADING_DECORATION, '').trim();
  t = withoutTrailingDecoration(t);
  const withoutNumber = t.replace(LEADING_NUMBER, '');
  if (withoutNumber.length > 0) t = withoutNumber;
  return t
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function withoutTrailingDecoration(text: string): string {
  let end = text.length;
  for (;;) {
    while (end > 0 && DECORATION_CHAR.test(text[end - 1])) end--;
    // Surrogate pairs (emoji) are two code units: test the pair too.
    if (end > 1 && DECORATION_PAIR.test(text.slice(end - 2, end))) {
      end -= 2;
      continue;
    }
    const group = TRAILING_GROUP.exec(text.slice(Math.max(0, end - 200), end));
    if (!group || group[0].length === 0) return text.slice(0, end).trim();
    end -= group[0].length;
  }
}
