// The rule registry: every rule and what is derived from its declaration (its
// documentation URL). Adding a rule: docs/contributing.md.
import type { Rule } from './rule';
import { missingSection } from './missing-section';
import { sectionOrder } from './section-order';
import { duplicateSection } from './duplicate-section';
import { emptySection } from './empty-section';
import { unfilledPlaceholder } from './unfilled-placeholder';
import { taskMissingField } from './task-missing-field';
import { invalidEstimate } from './invalid-estimate';
import { invalidMetadata } from './invalid-metadata';
import { malformedCheckbox } from './malformed-checkbox';
import { tableCellCount } from './table-cell-count';
import { invalidRating } from './invalid-rating';
import { unknownDependency } from './unknown-dependency';
import { dependencyCycle } from './dependency-cycle';
import { inconsistentStatus } from './inconsistent-status';
import { parallelConflict } from './parallel-conflict';
import { duplicateTaskId } from './duplicate-task-id';
import { taskNumbering } from './task-numbering';
import { unknownRequirement } from './unknown-requirement';
import { storyLabel } from './story-label';
import { taskFormat } from './task-format';
import { phantomCompletion } from './phantom-completion';

export const RULES: readonly Rule[] = [
  missingSection,
  sectionOrder,
  duplicateSection,
  emptySection,
  unfilledPlaceholder,
  taskMissingField,
  invalidEstimate,
  invalidMetadata,
  malformedCheckbox,
  tableCellCount,
  invalidRating,
  unknownDependency,
  dependencyCycle,
  inconsistentStatus,
  parallelConflict,
  duplicateTaskId,
  taskNumbering,
  unknownRequirement,
  taskFormat,
  storyLabel,
  phantomCompletion,
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);

/** The page documenting every rule, one `## <id>` section each (absolute: SARIF viewers and editors open it as is). */
export const RULES_DOC = 'https://github.com/planmark/planmark/blob/main/docs/rules.md';

/** The documentation of a finding's code: a rule id, or `validation-skipped` / `validation-failed`. */
export function ruleDocsUrl(id: string): string {
  return `${RULES_DOC}#${id}`;
}
