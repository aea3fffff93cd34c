// The rule registry. Adding a rule: write rules/<id>.ts, list it here, document
// it in docs/rules.md, give it fixtures in test-fixtures/rules/.
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
];

export const RULE_IDS: readonly string[] = RULES.map((r) => r.id);
