import { featureFromTitle } from '../rules/invalid-metadata';
import { sectionLevels } from '../rules/sections';
import type { PlanModel } from '../model';
import type { TemplateSchema } from '../template';
import { BASIC_STATES, type Profile } from './profile';
import { UNIVERSAL_RULES } from './universal';

// The reference profile: the template is the schema. Its sections, metadata and
// task fields are read from the template the engine was built with (the
// configured one, or planmark's reference template), as planmark always did.

export const reference: Profile = {
  id: 'reference',
  title: 'reference template',
  schemaFrom: 'engine',
  sections: [],
  tasks: { markers: [], states: BASIC_STATES },
  rules: {
    ...UNIVERSAL_RULES,
    'missing-section': 'error',
    'section-order': 'warning',
    'duplicate-section': 'warning',
    'empty-section': 'warning',
    'task-missing-field': 'warning',
    'invalid-metadata': 'warning',
    'invalid-rating': 'warning',
  },
};

/**
 * Why a plan follows the template, or undefined: its title has the template's form and its
 * metadata block has one of the template's fields at least, or it has most of the
 * template's top-level sections.
 */
export function followsTemplate(model: PlanModel, schema: TemplateSchema): string | undefined {
  const title = model.title?.text;
  const fields = schema.metadataFields.filter((f) => model.metadata.some((m) => m.key === f.key));
  if (title && featureFromTitle(title, schema.titleSuffix) !== undefined && fields.length >= 1) {
    return `its title and metadata (${fields.map((f) => f.label).join(', ')}) follow the template`;
  }
  const required = schema.sections.filter((r) => !r.optional);
  if (required.length === 0) return undefined;
  const [top] = sectionLevels(model, required);
  if (top.present.size * 2 > required.length) {
    return `it has ${top.present.size} of the template's ${required.length} top-level sections`;
  }
  return undefined;
}
