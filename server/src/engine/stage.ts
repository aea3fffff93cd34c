// The register of unfilled placeholders follows the plan's stage. A plan still being
// written (Status: Planning or Draft) is mostly placeholders on purpose: reporting each
// one as a warning buries the real problems and turns a brand-new file yellow. While
// the plan is drafted they are hints (VS Code draws a faint mark and keeps them out of
// the Problems panel's counts, yet Next Placeholder still finds them); from the moment
// the plan moves on (In Progress, In Review, …) they are warnings again. A plan without
// a Status field says nothing about its stage and keeps the rule's own severity.
import type { Severity } from './findings';
import type { PlanModel } from './model';

export const PLACEHOLDER_SEVERITIES = ['stage', 'error', 'warning', 'information', 'hint'] as const;
export type PlaceholderSeverity = (typeof PLACEHOLDER_SEVERITIES)[number];

/** Status values that mean "still being written". */
const DRAFTING = /^(?:planning|draft(?:ing)?|proposed|not started|idea)$/i;

/** What the plan's Status field says about its stage: drafting, or past it; undefined without one. */
export function planStage(model: PlanModel): 'drafting' | 'underway' | undefined {
  const status = model.metadata.find((f) => f.key === 'status');
  if (!status) return undefined;
  const value = status.value.replace(/[`*_\p{Extended_Pictographic}\uFE0F]/gu, '').trim();
  // An unfilled `[STATUS]` or an empty value: the plan has not left its first stage.
  if (value === '' || /^\[[^\]]*\]$/.test(value) || DRAFTING.test(value)) return 'drafting';
  return 'underway';
}

/** The severity for unfilled placeholders in this plan under the `placeholderSeverity` setting. */
export function placeholderSeverity(model: PlanModel, setting: PlaceholderSeverity, fallback: Severity): Severity {
  if (setting !== 'stage') return setting;
  return planStage(model) === 'drafting' ? 'hint' : fallback;
}
