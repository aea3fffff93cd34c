import type { Rule } from './rule';

export const duplicateSection: Rule = {
  id: 'duplicate-section',
  description: 'A section the template requires appears more than once at the same level.',
  defaultSeverity: 'warning',
  check({ sectionLevels }, report) {
    for (const level of sectionLevels()) {
      for (const [key, sections] of level.present) {
        if (level.required.find((r) => r.key === key)?.repeatable) continue;
        const [first, ...again] = sections;
        for (const s of again) {
          if (s.heading.depth !== first.heading.depth || s.parent !== first.parent) continue;
          report({
            span: s.heading,
            message: `Section "${s.heading.text}" appears again; the first "${first.heading.text}" is earlier in the plan. Merge them.`,
          });
        }
      }
    }
  },
};
