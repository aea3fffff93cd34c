import { parsePlan } from './parse';
import type { PlanModel, Section } from './model';

// The template is the schema: everything the rules expect is read from a
// template Markdown file, with no code per template.

export interface RequiredSection {
  key: string;
  /** The heading text as the template writes it. */
  title: string;
  depth: number;
  /** Template source of the whole section (heading, body, subsections), for inserting it. */
  source: string;
  /** Offsets into `source` of its ATX headings (its own first), for re-levelling them. */
  headingOffsets: number[];
  hasContent: boolean;
  children: RequiredSection[];
  /** Not required: present or not, the plan is fine (missing-section skips it). */
  optional?: boolean;
  /** May occur more than once at its level (duplicate-section skips it). */
  repeatable?: boolean;
  /** Kept as the template writes it: brackets inside the plan's section are not placeholders. */
  verbatim?: boolean;
  /**
   * When the team added this section to its repository's template (git's commit time, seconds),
   * for sections the format does not know: a plan written before that is not held to it.
   */
  addedAt?: number;
  /** Matches the text of the plan headings that stand for it; without it, heading keys must be equal. */
  pattern?: RegExp;
}

export interface LabelledKey {
  key: string;
  label: string;
}

export interface TemplateSchema {
  model: PlanModel;
  sections: RequiredSection[];
  /** Fields every `**Task**:` block of the template has. */
  taskFields: LabelledKey[];
  /** `**Label**: value` fields between the template's title and first section. */
  metadataFields: LabelledKey[];
  /** Every bracketed text of the template: `[FEATURE_NAME]`, `[hours]`, `[Risk 1]`, … */
  placeholders: Set<string>;
  /** The bracketed texts in the template's code: only these count in a plan's code (`[ModelName]`, not `items[index]`). */
  codePlaceholders: Set<string>;
  /** What the title adds to the feature name, e.g. "- Implementation Plan". */
  titleSuffix?: string;
}

export function deriveTemplate(text: string): TemplateSchema {
  const model = parsePlan(text);
  return {
    model,
    sections: model.sections.map((s) => required(s, text)),
    taskFields: commonTaskFields(model),
    metadataFields: unique(model.metadata.map((f) => ({ key: f.key, label: f.label }))),
    placeholders: new Set(model.brackets.map((b) => b.text)),
    codePlaceholders: new Set(model.brackets.filter((b) => b.inCode).map((b) => b.text)),
    titleSuffix: titleSuffix(model),
  };
}

function required(section: Section, text: string): RequiredSection {
  return {
    key: section.heading.key,
    title: section.heading.text,
    depth: section.heading.depth,
    source: text.slice(section.start, section.end),
    headingOffsets: headingStarts(section).map((o) => o - section.start),
    hasContent: section.hasContent,
    children: section.children.map((c) => required(c, text)),
  };
}

function commonTaskFields(model: PlanModel): LabelledKey[] {
  if (model.blocks.length === 0) return [];
  const [first, ...rest] = model.blocks;
  return unique(first.fields.map((f) => ({ key: f.key, label: f.label }))).filter((f) =>
    rest.every((b) => b.fields.some((g) => g.key === f.key)),
  );
}

function unique(keys: LabelledKey[]): LabelledKey[] {
  const seen = new Set<string>();
  return keys.filter((k) => !seen.has(k.key) && seen.add(k.key));
}

function titleSuffix(model: PlanModel): string | undefined {
  const title = model.title?.text;
  if (!title) return undefined;
  const m = /^\[[^\]]+\]\s*(.*)$/.exec(title);
  return m?.[1] || undefined;
}

function headingStarts(section: Section): number[] {
  return [section.heading.start, ...section.children.flatMap(headingStarts)];
}

/** The section's source with its headings moved to `depth` (nested phases take deeper subsections). */
export function sourceAtDepth(r: RequiredSection, depth: number): string {
  const shift = depth - r.depth;
  if (shift === 0) return r.source;
  let out = r.source;
  for (const offset of [...r.headingOffsets].sort((a, b) => b - a)) {
    const hashes = /^#+/.exec(out.slice(offset))?.[0].length ?? 0;
    if (hashes === 0) continue;
    const level = Math.min(6, Math.max(1, hashes + shift));
    out = out.slice(0, offset) + '#'.repeat(level) + out.slice(offset + hashes);
  }
  return out;
}
