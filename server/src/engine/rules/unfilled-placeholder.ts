import type { BracketText, PlanModel } from '../model';
import type { TemplateSchema } from '../template';
import { featureFromTitle } from './invalid-metadata';
import type { Rule } from './rule';

export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  description:
    "Placeholder text is still in the plan: the template's own ([FEATURE_NAME], [hours]), generic ones ([TODO], [ALL CAPS WORDS], {{NAME}}, [e.g., …], NEEDS CLARIFICATION), and bracketed text that fills a whole slot.",
  defaultSeverity: 'warning',
  check({ model, template, today, placeholders }, report) {
    let feature: string | null | undefined;
    const featureName = () => (feature === undefined ? (feature = featureNameOf(model, template) ?? null) : feature);
    const all = placeholders();
    const features = all.filter((p) => p.text === '[FEATURE_NAME]');
    for (const p of all) {
      // Only what the plan itself tells for certain is a fix; "select the placeholder" is not one.
      const value =
        p.text === '[DATE]' || p.text === '[Date]' ? today : p.text === '[FEATURE_NAME]' ? featureName() : null;
      // Safe for fix-all: the feature's name, and [DATE] (the template's Created date) as today;
      // a milestone's [Date] is not today, so that one is the author's choice.
      const safe = p.text !== '[Date]';
      const fixes = value
        ? [fill(p, value, p.text === '[FEATURE_NAME]' ? `the feature name "${value}"` : `today (${value})`, safe)]
        : undefined;
      // The name usually appears several times (Feature field, headings, paths): one fix fills them all.
      // Not for fix-all, which applies each occurrence's own fix.
      if (fixes && p.text === '[FEATURE_NAME]' && features.length > 1)
        fixes.push({
          title: `Replace all ${features.length} [FEATURE_NAME] with "${value}"`,
          preferred: false,
          safe: false,
          edits: features.map((f) => ({ span: f, newText: value! })),
        });
      report({ span: p, message: messageFor(p.text), fixes });
    }
  },
};

function messageFor(text: string): string {
  if (text.includes('NEEDS CLARIFICATION'))
    return `Open question left in the plan (${text}): settle it and write the answer here.`;
  if (/^\[(?:e\.g\.|i\.e\.|eg\b|for example\b)/i.test(text))
    return `Unfilled placeholder ${text}: an example for the author; replace it with the real value.`;
  return `Unfilled placeholder ${text}: replace it with the real content.`;
}

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
