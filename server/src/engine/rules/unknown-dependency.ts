import type { Rule } from './rule';

// Only an explicit id (`T099`, `Task 1.2`) is certain to name a task. Free text that matches
// no task title ("UserService", "Kafka cluster") is, on real plans, almost always something
// outside the plan: an existing component, a library, another team's work. Reporting it was
// the largest source of rejected findings in the evaluation (docs/evaluation.md), so free
// text is resolved where it can be (graph, hover) and left alone where it cannot.
export const unknownDependency: Rule = {
  id: 'unknown-dependency',
  description: 'A dependency names a task id that no task in the plan has.',
  defaultSeverity: 'information',
  check({ dependencies, hasPlaceholder }, report) {
    for (const ref of dependencies().refs) {
      if (!ref.explicit || ref.target || hasPlaceholder(ref)) continue;
      report({ span: ref, message: `Dependency "${ref.text}" names no task in this plan.` });
    }
  },
};
