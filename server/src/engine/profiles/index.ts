// Profiles: what a kind of plan looks like, and which one a plan is.
//
// API (for engineers adding profiles and rules):
// - A `Profile` (profile.ts) is plain data: `id`, `title`, `schemaFrom` ('engine' = the
//   engine's template is the schema, 'repository' = the repository's template for this
//   profile from `RepoFacts.templates[id]`, else the built-in `sections`; 'none'),
//   `sections` (SectionSpec: title, optional `pattern` on the heading text, `required`,
//   `repeatable`), `tasks` (TaskGrammar: id pattern, `[P]`-style markers, `[US1]`-style
//   label, checkbox `states`), `rules` (rule id → severity; a rule not listed does not
//   run: spread UNIVERSAL_RULES from universal.ts for the rules every plan gets) and
//   optional `detect.convention` / `detect.content` tests returning a reason or undefined.
// - Add a profile: write profiles/<id>.ts, list it in registry.ts (detection order),
//   document it in docs/profiles/<id>.md. `.planmarkrc.json` accepts its id at once.
// - Detection (detect.ts, pure): `.planmarkrc.json` `profiles[].files` globs, then every
//   profile's convention test, then every content test, then `reference` when the plan
//   follows the template (reference.ts), else the fallback (`checklist`, or `reference`
//   when a team configured its own template).
// - Callers: `engine.analyze(text, { path, facts })` detects and checks;
//   `engine.analyze(text, { profile: { id, reason } })` forces one; with neither, the
//   reference profile runs (today's behaviour). `engine.detect(path, text, facts)` only
//   detects. `analysis.profile` / `outline.profile` say which profile, why, and the
//   schema's source. RepoFacts (profile.ts) are gathered by server/src/node/repoFacts.ts.
// - Rules read `context.profile` (ResolvedProfile: schema, task grammar, severities),
//   `context.template` (= the profile's section schema) and `context.facts`.
export type {
  Profile,
  ProfileChoice,
  RepoFacts,
  RepositoryTemplate,
  ResolvedProfile,
  RuleSeverities,
  SectionSpec,
  TaskGrammar,
  TaskState,
  DetectInput,
  Detector,
} from './profile';
export { BASIC_STATES } from './profile';
export { PROFILES, PROFILE_IDS, profileById } from './registry';
export { UNIVERSAL_RULES } from './universal';
export { detectProfile, detectFormat } from './detect';
export { followsTemplate } from './reference';
export { resolveProfile, builtinSchema } from './resolve';
export { carriedHeadings } from './carried';
