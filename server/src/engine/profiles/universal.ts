import type { RuleSeverities } from './profile';

// The rules that hold for every plan, whatever its format: broken checkboxes,
// unfilled placeholders, dependencies that do not resolve or loop, status
// claims the content contradicts, estimates that do not parse, broken tables,
// parallel tasks that change the same file, ticked tasks whose work is not there
// (phantom-completion).
// Every profile runs them (the `checklist` profile runs only them); a profile
// may change a severity by listing the rule again after spreading this.
export const UNIVERSAL_RULES: RuleSeverities = Object.freeze({
  'unfilled-placeholder': 'warning',
  'invalid-estimate': 'warning',
  'malformed-checkbox': 'warning',
  'table-cell-count': 'warning',
  'unknown-dependency': 'information',
  'dependency-cycle': 'error',
  'inconsistent-status': 'warning',
  'parallel-conflict': 'warning',
  'duplicate-task-id': 'warning',
  'phantom-completion': 'warning',
});
