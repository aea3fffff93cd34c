import { DEFAULT_CONFIG, type PlanConfig } from './config';
import { buildDependencyGraph, type DependencyGraph } from './dependencies';
import type { Finding, RawFinding, Severity } from './findings';
import { LineIndex } from './lineIndex';
import { SkippedError } from './markdown';
import type { PieceCache } from './pieceCache';
import type { BracketText, PlanModel } from './model';
import { buildOutline, type Outline } from './outline';
import { parsePlan } from './parse';
import { PlaceholderMatcher } from './placeholders';
import { RULES } from './rules';
import type { RuleContext } from './rules/rule';
import { deriveTemplate, type TemplateSchema } from './template';

/** Everything known about one version of one document. Features read it; none re-parses. */
export interface Analysis {
  text: string;
  lines: LineIndex;
  /** Undefined when validation was skipped (see `skipped`). */
  model?: PlanModel;
  findings: Finding[];
  outline: Outline;
  /** Why validation was skipped (too large, too deeply nested), if it was. */
  skipped?: string;
}

export interface AnalyzeOptions {
  /** YYYY-MM-DD used by fixes that fill in today's date; defaults to the current UTC date. */
  today?: string;
  /**
   * Where parsed pieces of documents are kept between analyses, so that an edit
   * re-parses only the piece it is in. The caller owns it (the language server keeps
   * one for the process, the CLI one per run); without one, nothing is kept.
   */
  cache?: PieceCache;
  /**
   * Analyze the text as one piece instead of piece by piece. Slower, never cached, and
   * the reference the piecewise path must equal: the differential tests compare the two
   * on the model, the findings and the outline.
   */
  wholeDocument?: boolean;
}

const EMPTY_OUTLINE: Outline = { sections: [], done: 0, total: 0, percent: 0, estimateHours: 0, remainingHours: 0 };

/** The plan engine for one template and one configuration. Pure: text in, analysis out. */
export class PlanEngine {
  readonly template: TemplateSchema;
  private readonly placeholderMatcher: PlaceholderMatcher;

  constructor(
    templateText: string,
    readonly config: PlanConfig = { ...DEFAULT_CONFIG },
  ) {
    this.template = deriveTemplate(templateText);
    this.placeholderMatcher = new PlaceholderMatcher(this.template.placeholders, config.placeholderPatterns);
  }

  /** The analysis of a file planmark does not validate: one information finding that says why. */
  skipped(text: string, reason: string): Analysis {
    return {
      text,
      lines: new LineIndex(text),
      outline: EMPTY_OUTLINE,
      skipped: reason,
      findings: [
        {
          rule: 'validation-skipped',
          severity: 'information',
          message: `planmark skipped this file: ${reason}.`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        },
      ],
    };
  }

  analyze(text: string, options: AnalyzeOptions = {}): Analysis {
    if (text.length > this.config.maxFileSize) {
      return this.skipped(
        text,
        `it is ${formatSize(text.length)}, over the maxFileSize setting (${formatSize(this.config.maxFileSize)})`,
      );
    }
    if (looksBinary(text)) return this.skipped(text, 'it does not look like text (it contains NUL characters)');
    let model: PlanModel;
    try {
      model = parsePlan(text, { cache: options.cache, wholeDocument: options.wholeDocument });
    } catch (error) {
      if (error instanceof SkippedError) return this.skipped(text, error.message);
      throw error;
    }
    const lines = new LineIndex(text);
    const context = this.context(model, options);
    const findings: Finding[] = [];
    for (const rule of RULES) {
      const severity = this.severity(rule.id, rule.defaultSeverity);
      if (!severity) continue;
      rule.check(context, (raw: RawFinding) => findings.push(toFinding(rule.id, severity, raw, lines)));
    }
    findings.sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.rule.localeCompare(b.rule),
    );
    const outline = buildOutline(model, lines, this.config);
    return { text, lines, model, findings, outline };
  }

  private severity(id: string, fallback: Severity): Severity | undefined {
    const level = this.config.rules[id];
    if (level === 'off') return undefined;
    return level ?? fallback;
  }

  private context(model: PlanModel, options: AnalyzeOptions): RuleContext {
    let placeholders: BracketText[] | undefined;
    let dependencies: DependencyGraph | undefined;
    const found = () => (placeholders ??= model.brackets.filter((b) => this.placeholderMatcher.matches(b)));
    return {
      model,
      template: this.template,
      config: this.config,
      today: options.today ?? new Date().toISOString().slice(0, 10),
      placeholders: found,
      hasPlaceholder: (span) => {
        // Brackets come in document order: binary search for the first one at or after span.start.
        const list = found();
        let lo = 0;
        let hi = list.length;
        while (lo < hi) {
          const mid = (lo + hi) >> 1;
          if (list[mid].start < span.start) lo = mid + 1;
          else hi = mid;
        }
        return lo < list.length && list[lo].end <= span.end;
      },
      dependencies: () => (dependencies ??= buildDependencyGraph(model)),
    };
  }
}

function toFinding(rule: string, severity: Severity, raw: RawFinding, lines: LineIndex): Finding {
  const finding: Finding = { rule, severity, message: raw.message, range: lines.range(raw.span) };
  if (raw.fixes && raw.fixes.length > 0) {
    finding.fixes = raw.fixes.map((f) => ({
      title: f.title,
      preferred: f.preferred,
      ...(f.safe ? { safe: true } : {}),
      edits: f.edits.map((e) => ({ range: lines.range(e.span), newText: e.newText })),
    }));
  }
  return finding;
}

function looksBinary(text: string): boolean {
  return text.slice(0, 8192).includes('\u0000');
}

/** A size for messages: `812 bytes`, `40 KB`, `5.2 MB` (the CLI's file sizes say the same). */
export function formatSize(size: number): string {
  if (size >= 1024 * 1024) return `${(size / 1024 / 1024).toFixed(1)} MB`;
  if (size >= 1024) return `${Math.round(size / 1024)} KB`;
  return `${size} bytes`;
}
