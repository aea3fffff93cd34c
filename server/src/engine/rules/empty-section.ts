import type { Rule } from './rule';

export const emptySection: Rule = {
  id: 'empty-section',
  description: 'A section the template requires is present but has no content.',
  defaultSeverity: 'warning',
  check({ sectionLevels }, report) {
    for (const level of sectionLevels()) {
      for (const r of level.required) {
        // A section the template itself leaves empty is a pure container.
        if (!r.hasContent) continue;
        for (const s of level.present.get(r.key) ?? []) {
          if (!s.hasContent)
            report({
              span: s.heading,
              message: `Section "${s.heading.text}" is empty; fill it in or remove the heading.`,
            });
        }
      }
    }
  },
};
