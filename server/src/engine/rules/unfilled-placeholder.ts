import type { BracketText, PlanModel } from '../model';
import type { TemplateSchema } from '../template';
import { featureFromTitle } from './invalid-metadata';
import type { Rule } from './rule';

export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  description: 'Template placeholder text ([FEATURE_NAME], [DATE], [hours], [TODO], …) is still in the plan.',
  defaultSeverity: 'warning',
  check({ model, template, today, placeholders }, report) {
    let feature: string | null | undefined;
    const featureName = () => (feature === undefined ? (feature = featureNameOf(model, template) ?? null) : feature);
    for (const p of placeholders()) {
      // Only what the plan itself tells for certain is a fix; "select the placeholder" is not one.
      const value =
        p.text === '[DATE]' || p.text === '[Date]' ? today : p.text === '[FEATURE_NAME]' ? featureName() : null;
      // Safe for fix-all: the feature's name, and [DATE] (the template's Created date) as today;
      // a milestone's [Date] is not today, so that one is the author's choice.
      const safe = p.text !== '[Date]';
      report({
        span: p,
        message: `Unfilled placeholder ${p.text}: replace it with the real content.`,
        fixes: value
          ? [fill(p, value, p.text === '[FEATURE_NAME]' ? `the feature name "${value}"` : `today (${value})`, safe)]
          : undefined,
      });
    }
  },
};

function fill(p: BracketText, value: string, what: string, safe: boolean) {
  return { title: `Replace ${p.text} with ${what}`, preferred: true, safe, edits: [{ span: p, newText: value }] };
}

/** The feature name from the title ("Login - Implementation Plan"), else from a filled-in Feature field. */
function featureNameOf(model: PlanModel, template: TemplateSchema): string | undefined {
  const fromTitle = featureFromTitle(model.title?.text, template.titleSuffix);
  if (fromTitle) return fromTitle;
  const field = model.metadata.find((f) => f.key === 'feature');
  const value = field?.value.replace(/[`*_]/g, '').trim();
  return value && !/\[[^\]]*\]/.test(value) ? value : undefined;
}
