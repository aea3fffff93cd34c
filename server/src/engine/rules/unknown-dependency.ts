import type { Rule } from './rule';

export const unknownDependency: Rule = {
  id: 'unknown-dependency',
  description: 'A Dependencies entry names no task (or section) in the plan.',
  defaultSeverity: 'information',
  check({ dependencies, hasPlaceholder }, report) {
    for (const ref of dependencies().refs) {
      if (ref.target || ref.section || hasPlaceholder(ref)) continue;
      report({
        span: ref,
        message: ref.explicit
          ? `Dependency "${ref.text}" names no task in this plan.`
          : `Dependency "${ref.text}" matches no task title or section in this plan.`,
      });
    }
  },
};
