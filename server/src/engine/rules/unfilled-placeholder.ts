import type { Rule } from './rule';

export const unfilledPlaceholder: Rule = {
  id: 'unfilled-placeholder',
  description: 'Template placeholder text ([FEATURE_NAME], [DATE], [hours], [TODO], …) is still in the plan.',
  defaultSeverity: 'warning',
  check({ placeholders }, report) {
    for (const p of placeholders()) {
      report({ span: p, message: `Unfilled placeholder ${p.text}: replace it with the real content.` });
    }
  },
};
