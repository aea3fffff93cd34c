import type { PlanModel, Section } from '../model';
import { phaseNamesAgree } from '../headings';
import type { RequiredSection } from '../template';

// Shared by the section rules: which plan sections stand for which template
// sections. Required top-level sections are looked for at the top level first,
// then anywhere (a plan that nests its phases under "## Implementation Phases"
// still has them); required subsections are looked for inside their parent. A phase is
// present by its number, but its subsections are asked for only when its name agrees
// ("Phase 3: User Story 1" is no "Phase 3: Testing Strategy" that lacks its unit tests).

export interface SectionLevel {
  /** The plan section the required ones live under (undefined: the document). */
  parent?: Section;
  required: RequiredSection[];
  /** Present plan sections for each required key, in document order. */
  present: Map<string, Section[]>;
}

export function sectionLevels(model: PlanModel, required: RequiredSection[]): SectionLevel[] {
  const top: SectionLevel = {
    required,
    present: collect(model.sections, required, model.sections.flatMap(descendants)),
  };
  const levels = [top];
  for (const r of required) {
    const parent = top.present.get(r.key)?.[0];
    if (!parent || r.children.length === 0 || !phaseNamesAgree(r.title, parent.heading.text)) continue;
    levels.push({
      parent,
      required: r.children,
      present: collect(parent.children, r.children, parent.children.flatMap(descendants)),
    });
  }
  return levels;
}

function collect(direct: Section[], required: RequiredSection[], all: Section[]): Map<string, Section[]> {
  const present = new Map<string, Section[]>();
  const keys = new Set(required.filter((r) => !r.pattern).map((r) => r.key));
  const patterned = required.filter((r) => r.pattern);
  const match = (s: Section) => {
    if (keys.has(s.heading.key)) return s.heading.key;
    const patternKey = patterned.find((r) => r.pattern!.test(s.heading.text))?.key;
    if (patternKey !== undefined) return patternKey;
    const beforeNote = s.heading.keyBeforeNote;
    return beforeNote !== undefined && keys.has(beforeNote) ? beforeNote : undefined;
  };
  for (const s of direct) {
    const key = match(s);
    if (key !== undefined) push(present, key, s);
  }
  for (const r of required) {
    if (present.has(r.key)) continue;
    const nested = all.find((s) => standsFor(r, s));
    if (nested) push(present, r.key, nested);
  }
  return present;
}

/** Does a plan section stand for a required one? */
export function standsFor(r: RequiredSection, s: Section): boolean {
  if (r.pattern) return r.pattern.test(s.heading.text);
  return s.heading.key === r.key || s.heading.keyBeforeNote === r.key;
}

function push(map: Map<string, Section[]>, key: string, s: Section): void {
  (map.get(key) ?? map.set(key, []).get(key)!).push(s);
}

function descendants(s: Section): Section[] {
  return s.children.flatMap((c) => [c, ...descendants(c)]);
}

/** The line-break style of a document, for text we insert into it. */
export function eol(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text[i - 1] === '\r' ? '\r\n' : '\n';
}

export function withEol(snippet: string, text: string): string {
  return snippet.replace(/\r?\n/g, eol(text));
}

/** Where a section's own text ends, before the blank lines and `---` that separate it from the next. */
export function contentEnd(text: string, section: Section): number {
  let end = section.end;
  for (;;) {
    let i = end;
    while (i > section.start && /\s/.test(text[i - 1])) i--;
    const lineStart = Math.max(text.lastIndexOf('\n', i - 1) + 1, section.start);
    if (
      i > lineStart &&
      /^[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*$/.test(text.slice(lineStart, i)) &&
      lineStart > section.heading.end
    ) {
      end = lineStart;
      continue;
    }
    return i;
  }
}
