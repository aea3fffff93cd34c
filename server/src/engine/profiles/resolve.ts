import type { ProfileSettings } from '../config';
import { headingKey } from '../headings';
import { parsePlan } from '../parse';
import { deriveTemplate, type RequiredSection, type TemplateSchema } from '../template';
import type { Profile, RepoFacts, RepositoryTemplate, ResolvedProfile, SectionSpec, TaskGrammar } from './profile';

// From a profile to what its rules read: the section schema (the engine's
// template, the repository's template for this kind of file, or the profile's
// built-in sections), the task grammar and the rule severities, with the
// `.planmarkrc.json` settings for the profile applied.

export interface SchemaSource {
  schema: TemplateSchema;
  /** For messages: "the built-in reference template", a template's path. */
  source: string;
}

export function resolveProfile(
  profile: Profile,
  engineTemplate: SchemaSource,
  facts: RepoFacts,
  settings: ProfileSettings | undefined,
  derive: (text: string) => TemplateSchema = deriveTemplate,
): ResolvedProfile {
  const base = schemaOf(profile, engineTemplate, facts, derive);
  const schema = settings?.sections
    ? { ...base.schema, sections: applySectionSettings(base.schema.sections, settings.sections) }
    : base.schema;
  const source = base.source;
  const tasks: TaskGrammar = settings?.taskId
    ? { ...profile.tasks, id: new RegExp(settings.taskId, 'u'), idRequired: true }
    : profile.tasks;
  return { profile, schema, tasks, rules: profile.rules, schemaSource: source };
}

function schemaOf(
  profile: Profile,
  engineTemplate: SchemaSource,
  facts: RepoFacts,
  derive: (text: string) => TemplateSchema,
): SchemaSource {
  if (profile.schemaFrom === 'engine') return engineTemplate;
  if (profile.schemaFrom === 'none') return { schema: builtinSchema([]), source: 'no section schema' };
  const template = facts.templates?.[profile.id];
  if (template) return { schema: repositorySchema(derive(template.text), profile, template), source: template.path };
  return { schema: builtinSchema(profile.sections), source: `the built-in ${profile.id} schema` };
}

/** A schema from a profile's own section list: names and patterns, no template text to insert. */
export function builtinSchema(specs: readonly SectionSpec[]): TemplateSchema {
  return {
    model: parsePlan(''),
    sections: specs.map((spec) => fromSpec(spec)),
    taskFields: [],
    metadataFields: [],
    placeholders: new Set(),
    codePlaceholders: new Set(),
  };
}

function fromSpec(spec: SectionSpec): RequiredSection {
  return {
    key: spec.pattern ? `pattern:${spec.title}` : headingKey(spec.title),
    title: spec.title,
    depth: spec.depth ?? 2,
    source: '',
    headingOffsets: [],
    hasContent: spec.hasContent ?? false,
    children: [],
    optional: !spec.required,
    repeatable: spec.repeatable,
    pattern: spec.pattern,
    verbatim: spec.verbatim,
  };
}

/**
 * A repository's template read through the profile: each top-level section the profile knows
 * takes the profile's presence (a template's three user-story phases become one repeatable
 * entry); a section the profile does not know is one the team added, so it is required,
 * unless none of the repository's plans of this kind carries it: then it is guidance for the
 * writer (found on real repositories: "Writing guidelines", a "Type Change Checklist" that no
 * generated plan copies), optional like the format's own instructions. A plan written before
 * the team added a section is not held to it (see RequiredSection.addedAt).
 * Subsections are examples in these templates, not requirements. Bracketed texts that the
 * task grammar gives a meaning (`[P]`, `[US1]`) are not placeholders.
 */
function repositorySchema(template: TemplateSchema, profile: Profile, source: RepositoryTemplate): TemplateSchema {
  const sections: RequiredSection[] = [];
  const seen = new Set<SectionSpec>();
  const carried = source.carried && new Set(source.carried.map(headingKey));
  for (const r of template.sections) {
    const spec = profile.sections.find((s) => (s.pattern ? s.pattern.test(r.title) : headingKey(s.title) === r.key));
    if (!spec) {
      sections.push({
        ...r,
        children: [],
        optional: r.optional || (carried !== undefined && !carried.has(r.key)),
        addedAt: source.added?.[r.title],
      });
      continue;
    }
    if (seen.has(spec)) continue;
    seen.add(spec);
    sections.push({
      ...r,
      key: spec.pattern ? `pattern:${spec.title}` : r.key,
      title: spec.pattern ? spec.title : r.title,
      children: [],
      optional: !spec.required,
      repeatable: spec.repeatable,
      pattern: spec.pattern,
      verbatim: spec.verbatim,
      hasContent: spec.hasContent ?? false,
    });
  }
  const { tasks } = profile;
  const meaningful = (text: string) => {
    const inner = text.slice(1, -1);
    return (
      /^[ xX]$/.test(inner) ||
      // The format legend's own names: `[ID] [P?] [Story] Description`.
      /^(?:ID|TaskID|P\?|Story\??)$/.test(inner) ||
      tasks.markers.includes(inner) ||
      (tasks.label?.test(inner) ?? false) ||
      (tasks.id?.test(inner) ?? false)
    );
  };
  const placeholders = new Set([...template.placeholders].filter((p) => !meaningful(p)));
  const codePlaceholders = new Set([...template.codePlaceholders].filter((p) => !meaningful(p)));
  return { ...template, sections, placeholders, codePlaceholders, metadataFields: [], taskFields: [] };
}

/** `.planmarkrc.json` `sections`: by heading name, make a section optional, required or repeatable. */
function applySectionSettings(
  sections: RequiredSection[],
  settings: NonNullable<ProfileSettings['sections']>,
): RequiredSection[] {
  const byKey = new Map(Object.entries(settings).map(([name, s]) => [headingKey(name), s]));
  const apply = (r: RequiredSection): RequiredSection => {
    const s = byKey.get(headingKey(r.title)) ?? byKey.get(r.key);
    const children = r.children.map(apply);
    if (!s) return { ...r, children };
    return {
      ...r,
      children,
      optional: s.required === undefined ? r.optional : !s.required,
      repeatable: s.repeatable ?? r.repeatable,
      pattern: s.pattern === undefined ? r.pattern : new RegExp(s.pattern, 'iu'),
    };
  };
  return sections.map(apply);
}
