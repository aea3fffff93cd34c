import { parseEstimate } from '../estimate';
import type { Rule } from './rule';

export const invalidEstimate: Rule = {
  id: 'invalid-estimate',
  description: "A task's Estimate is not a duration such as 4h, 2 days, 30m, 1w or 2-3 hours.",
  defaultSeverity: 'warning',
  check({ model, config, hasPlaceholder }, report) {
    for (const block of model.blocks) {
      for (const field of block.fields) {
        if (field.key !== 'estimate' || !field.value) continue;
        // A leftover [hours] is an unfilled placeholder, reported once, by that rule.
        if (hasPlaceholder(field.valueSpan)) continue;
        if (parseEstimate(field.value, config) !== undefined) continue;
        report({
          span: field.valueSpan,
          message: `Estimate "${field.value}" is not a duration; write it like 4h, 1.5d, 2-3 hours or 30m.`,
        });
      }
    }
  },
};
