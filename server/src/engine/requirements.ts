// A Kiro `requirements.md` read for what tasks cite: its numbered requirements
// (a heading such as "Requirement 3", "Requirement 3: Login", "需求 3：登录") and,
// under each, its numbered acceptance criteria (`1. WHEN … THEN … SHALL …`),
// which tasks cite as `3.1`. Language-neutral: a requirement is a heading whose
// name is a short word or two and a number, a criterion a numbered list item.
// Fenced code is skipped. Pure text in, numbers out.

export interface Requirements {
  /** Requirement number → the numbers of its acceptance criteria, in order. */
  byNumber: Map<string, string[]>;
  /**
   * Requirement number → how many other list items it holds (business rules, metrics): some
   * teams number those on from the criteria, so a citation within their count is not wrong.
   */
  otherItems: Map<string, number>;
  /** What each number says: `3` → the requirement's heading, `3.1` → its criterion's text. */
  texts: Map<string, string>;
}

const HEADING = /^ {0,3}(#{2,6})[ \t]+(.*?)[ \t#]*$/;
// "Requirement 3", "Requirement 3: Title", "需求 3：…", "Requisito 3 - …", "R3".
const REQUIREMENT = /^[\p{L}\p{M}*_ ]{0,24}?[ \t]*(\d+)[ \t]*(?:$|[:：.)(（\-–—]|[ \t])/u;
const CRITERION = /^ {0,3}(\d+)[.)][ \t]+\S/;
const BULLET = /^ {0,3}[-*+][ \t]+\S/;
const CRITERION_MARK = /^ {0,3}\d+[.)][ \t]+/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

export function parseRequirements(text: string): Requirements {
  const byNumber = new Map<string, string[]>();
  const otherItems = new Map<string, number>();
  const texts = new Map<string, string>();
  let current: string[] | undefined;
  let currentNumber = '';
  let currentDepth = 0;
  let fence: string | undefined;
  // The number the next item of the current ordered list renders as: Markdown numbers a
  // list from its first item on, so `1. 2. 7. 7. 8.` shows 1–5; either number may be cited.
  let next: number | undefined;
  for (const line of text.split(/\r\n|\r|\n/)) {
    const f = FENCE.exec(line);
    if (fence) {
      if (f && f[1][0] === fence[0] && f[1].length >= fence.length) fence = undefined;
      continue;
    }
    if (f) {
      fence = f[1];
      continue;
    }
    const h = HEADING.exec(line);
    if (h) {
      const depth = h[1].length;
      const name = h[2].replace(/[*_`]/g, '').trim();
      const req = REQUIREMENT.exec(name);
      if (req) {
        current = byNumber.get(req[1]) ?? [];
        byNumber.set(req[1], current);
        currentNumber = req[1];
        if (!texts.has(req[1])) texts.set(req[1], name);
        currentDepth = depth;
      } else if (current && depth <= currentDepth) current = undefined;
      next = undefined;
      continue;
    }
    const c = current && CRITERION.exec(line);
    if (c && current) {
      const shown = String(next ?? Number(c[1]));
      const said = line.replace(CRITERION_MARK, '').trim();
      for (const n of [c[1], shown]) {
        if (!current.includes(n)) current.push(n);
        if (!texts.has(`${currentNumber}.${n}`)) texts.set(`${currentNumber}.${n}`, said);
      }
      next = Number(shown) + 1;
    } else if (current && BULLET.test(line)) {
      otherItems.set(currentNumber, (otherItems.get(currentNumber) ?? 0) + 1);
      next = undefined;
    } else if (/^\S/.test(line)) next = undefined;
  }
  return { byNumber, otherItems, texts };
}

/** What a task cites: `_Requirements: 1.2, 3.1_`, `_需求：2.1_`, `**Validates: Requirements 5.2**`. */
export interface RequirementRef {
  /** Offset of the cited number in the scanned text. */
  start: number;
  end: number;
  /** `3.1` (criterion 1 of requirement 3) or `3` (the whole requirement). */
  ref: string;
}

const CITATION =
  /(?:Requirements?|需求|要件|Requisitos?|Exigences?|Anforderungen?|요구사항)[ \t]*[:：]?[ \t]*\[?((?:\d+(?:\.\d+)?[ \t]*(?:[,，、;][ \t]*|and[ \t]+|$|(?=[\]_*)])))+)/gu;

/** The numbers cited on one line (offsets relative to `line`). */
export function citedRequirements(line: string): RequirementRef[] {
  const refs: RequirementRef[] = [];
  CITATION.lastIndex = 0;
  for (let m = CITATION.exec(line); m; m = CITATION.exec(line)) {
    const listStart = m.index + m[0].length - m[1].length;
    const num = /\d+(?:\.\d+)?/g;
    for (let n = num.exec(m[1]); n; n = num.exec(m[1])) {
      refs.push({ start: listStart + n.index, end: listStart + n.index + n[0].length, ref: n[0] });
    }
  }
  return refs;
}
