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

/**
 * A phase's own name, keyed: "Phase 3: User Story 1 - Search (Week 3)" → "user story 1 search";
 * "" for a phase heading that says only its number. Undefined for a heading that is no phase.
 */
export function phaseName(text: string): string | undefined {
  const t = text.replace(LEADING_DECORATION, '').trim();
  const m = PHASE.exec(t);
  if (!m) return undefined;
  const rest = t.slice(m[0].length).replace(/^[^\p{L}\p{N}]+/u, '');
  return rest ? headingKey(rest) : '';
}

/**
 * Do a template phase and a plan's phase of the same number have the same purpose? A renamed
 * phase ("Phase 3: User Story 1" for "Phase 3: Testing Strategy") is still that phase for the
 * plan's outline, but the template's subsections for testing are not asked of it. Names agree
 * when either contains the other's words; a phase that says only its number agrees.
 */
export function phaseNamesAgree(templateTitle: string, planHeading: string): boolean {
  const a = phaseName(templateTitle);
  const b = phaseName(planHeading);
  if (a === undefined || b === undefined || a === '' || b === '') return true;
  const contains = (outer: string, inner: string) => ` ${outer} `.includes(` ${inner} `);
  return contains(a, b) || contains(b, a);
}

// A note after the heading's name: an emoji, or a spaced dash, then more words
// ("2.2 Frontend ⚠️ MUST COMPLETE BEFORE 3.3", "Service Layer — see ADR-4").

const NOTE_START = /[ \t]*(?:[\p{Extended_Pictographic}\uFE0F]|[ \t][–—-][ \t])/u;

/**
 * The key of the heading's text before a trailing note, or undefined when there is no such
 * note. A fallback for matching only: "Risks & more" still does not stand for "Risks".
 */
export function headingKeyBeforeNote(text: string): string | undefined {
  const t = text.replace(LEADING_DECORATION, '').trim();
  const m = NOTE_START.exec(t);
  if (!m || m.index === 0 || !/[\p{L}]/u.test(t.slice(0, m.index))) return undefined;
  const key = headingKey(t.slice(0, m.index));
  return key && key !== headingKey(t) ? key : undefined;
}
