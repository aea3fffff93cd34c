import type { Range } from './lineIndex';
import type { Span } from './model';

export type Severity = 'error' | 'warning' | 'information' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

/** One text replacement; an insertion has an empty range. */
export interface TextEditData {
  range: Range;
  newText: string;
}

/** A fix a client can offer as-is: a title and the edits that make it. */
export interface FixData {
  title: string;
  edits: TextEditData[];
  /** The fix an editor should mark as preferred (offered first, applied by "auto fix"). */
  preferred?: boolean;
  /**
   * Safe for fix-all (`source.fixAll.planmark`, `planmark check --fix`): the rule that
   * builds the fix vouches that it corrects what is certainly wrong, loses nothing the
   * author wrote and inserts no placeholder. Fix-all applies only these.
   */
  safe?: boolean;
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Present when the finding can be fixed; several entries are alternatives. */
  fixes?: FixData[];
  /** A longer explanation, for hovers: plain text, one point per line. */
  detail?: string;
}

/** What a rule reports: offsets into the text, converted to ranges by the engine. */
export interface RawFix {
  title: string;
  edits: Array<{ span: Span; newText: string }>;
  preferred?: boolean;
  /** See FixData.safe: set it where the fix is built, never decided elsewhere. */
  safe?: boolean;
}

export interface RawFinding {
  span: Span;
  message: string;
  fixes?: RawFix[];
  /** Overrides the rule's configured severity (a rule with a second, separately set check). */
  severity?: Severity;
  detail?: string;
}

/**
 * Not a rule of the registry: the engine's own note that it did not validate a file. Described
 * here once, for every output that lists rules (SARIF's rule table among them).
 */
export const VALIDATION_SKIPPED = {
  id: 'validation-skipped',
  description: 'planmark did not validate the file (too large, not text, too slow to parse, or nested too deeply).',
  defaultSeverity: 'information',
} as const satisfies { id: string; description: string; defaultSeverity: Severity };
