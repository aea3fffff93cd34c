// The engine's public surface: what the server, the CLI, the tests and the
// benchmark import. Nothing here touches vscode, an LSP connection or the disk.
export { PlanEngine, formatSize, type Analysis, type AnalyzeOptions } from './engine';
export {
  resolveConfig,
  DEFAULT_CONFIG,
  DEFAULT_INCLUDE,
  DEFAULT_STATUSES,
  RULE_LEVELS,
  type PlanConfig,
  type RuleLevel,
  type ConfigProblem,
  type ResolvedConfig,
} from './config';
export type { Finding, FixData, Severity, TextEditData } from './findings';
export { SEVERITIES } from './findings';
export { LineIndex, type Position, type Range } from './lineIndex';
export { applyEdits } from './edits';
export {
  noProgress,
  taskMarkerText,
  type Outline,
  type OutlineSection,
  type OutlineTask,
  type Progress,
} from './outline';
export type { FrontMatter, PlanModel } from './model';
export { RULES, RULE_IDS, RULES_DOC, ruleDocsUrl } from './rules';
export { VALIDATION_SKIPPED } from './findings';
export { isAgentCommand, isPlanDocument, isTemplatePath, type PlanSelection } from './planFiles';
export { unparsedPieces, parsePieces, parseWithin, withoutBom } from './markdown';
export { PieceCache, type ParsedPiece } from './pieceCache';
export { fixAllChoices, fixAllEdits, fixAllText } from './fixAll';
export { buildDependencyGraph, taskKey, type DependencyGraph, type DependencyRef } from './dependencies';
export {
  buildPlanGraph,
  nodeName,
  type PlanGraph,
  type GraphNode,
  type GraphEdge,
  type NodeState,
  type ParallelConflict,
} from './graph';
export { planGraphJson, type PlanGraphJson } from './graphJson';
export type { Section, Span, TaskItem, TaskBlock, TaskState } from './model';
export { parseEstimate } from './estimate';
export { taskEstimate } from './taskEstimate';
export { formatHours, progressExtras } from './hours';
export { sectionLevels } from './rules/sections';
export { sourceAtDepth, deriveTemplate, type RequiredSection, type TemplateSchema } from './template';
export type { AnalysisProfile } from './engine';
export {
  PROFILES,
  PROFILE_IDS,
  profileById,
  detectProfile,
  type ProfileChoice,
  type RepoFacts,
  type RepositoryTemplate,
  type ResolvedProfile,
  type Profile,
  carriedHeadings,
} from './profiles';
export type { ProfileSettings } from './config';
export { planStage, PLACEHOLDER_SEVERITIES, type PlaceholderSeverity } from './stage';
export { suppressionFix, UNUSED_SUPPRESSION } from './suppressions';
export {
  completionClaims,
  type CommitInfo,
  type CompletionClaim,
  type CompletionFacts,
  type TaskHistory,
} from './completion';
export { filesOf, mayNameTickedFiles, taskFiles, type FileMention } from './taskFiles';
export { citedRequirements, parseRequirements } from './requirements';
export { newTask, increment, requirementNumbers, storyLabelsAt, type NewTask } from './newTask';
