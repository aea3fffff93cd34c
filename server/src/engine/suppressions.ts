// Inline suppression comments, as markdownlint users write them:
//
//   <!-- planmark-disable-next-line rule-a rule-b -->   the line below
//   <!-- planmark-disable-line rule-a -->               its own line (at the end of a line)
//   <!-- planmark-disable rule-a -->  …  <!-- planmark-enable rule-a -->   a stretch of lines
//   <!-- planmark-disable-file rule-a -->               the whole file, wherever it stands
//
// Without rule ids a comment covers every rule. Ids may be separated by spaces or commas.
// A finding is suppressed when its first line is covered for its rule. A comment that
// suppresses nothing, and an id that names no rule, are reported (`unused-suppression`,
// information) so that stale comments do not pile up. Comments inside code blocks and
// inline code are text, not directives. `validation-skipped` cannot be suppressed.
import { VALIDATION_SKIPPED } from './findings';
import type { Finding, FixData } from './findings';
import type { LineIndex } from './lineIndex';
import type { Span, Table } from './model';

export const UNUSED_SUPPRESSION = 'unused-suppression';
const UNSUPPRESSIBLE = new Set<string>([VALIDATION_SKIPPED.id]);

type Kind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

interface Directive extends Span {
  kind: Kind;
  line: number;
  /** Rule ids named; empty means every rule. */
  rules: string[];
  /** Rules (or '*') this comment suppressed a finding for. */
  used: Set<string>;
}

const COMMENT = /<!--\s*planmark-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)\s*-->/g;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** The directives of a text, in order, skipping fenced code and inline code. */
function directives(text: string): Directive[] {
  if (!text.includes('planmark-')) return [];
  const found: Directive[] = [];
  let fence: string | undefined;
  let line = 0;
  for (let start = 0; start <= text.length; line++) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    const content = text.slice(start, end);
    const opener = FENCE.exec(content);
    if (fence) {
      if (
        opener &&
        opener[1][0] === fence[0] &&
        opener[1].length >= fence.length &&
        !/\S/.test(content.slice(opener[0].length))
      )
        fence = undefined;
    } else if (opener) {
      fence = opener[1];
    } else if (content.includes('planmark-')) {
      for (const m of content.matchAll(COMMENT)) {
        // Inside inline code when an odd number of backticks precede it on the line.
        if (((content.slice(0, m.index).match(/`/g) ?? []).length & 1) === 1) continue;
        const rules = m[2].split(/[\s,]+/).filter(Boolean);
        found.push({
          kind: m[1] as Kind,
          line,
          rules,
          used: new Set(),
          start: start + m.index,
          end: start + m.index + m[0].length,
        });
      }
    }
    if (nl < 0) break;
    start = nl + 1;
  }
  return found;
}

interface Cover {
  directive: Directive;
  /** First and last line covered. */
  from: number;
  to: number;
}

/**
 * Drops the suppressed findings and reports the comments that suppressed nothing or name
 * unknown rules. `knownRules` are the ids a comment may name.
 */
export function applySuppressions(
  text: string,
  findings: Finding[],
  knownRules: readonly string[],
): { kept: Finding[]; problems: Array<{ span: Span; message: string }> } {
  const list = directives(text);
  if (list.length === 0) return { kept: findings, problems: [] };
  const last = Number.MAX_SAFE_INTEGER;
  const covers: Cover[] = [];
  const open: Directive[] = [];
  for (const d of list) {
    if (d.kind === 'disable-file') covers.push({ directive: d, from: 0, to: last });
    else if (d.kind === 'disable-line') covers.push({ directive: d, from: d.line, to: d.line });
    else if (d.kind === 'disable-next-line') covers.push({ directive: d, from: d.line + 1, to: d.line + 1 });
    else if (d.kind === 'disable') open.push(d);
    else {
      // enable: closes the disables it names (all of them without ids), up to this line.
      for (let i = open.length - 1; i >= 0; i--) {
        const o = open[i];
        const closes = d.rules.length === 0 || (o.rules.length > 0 && o.rules.every((r) => d.rules.includes(r)));
        if (!closes) continue;
        covers.push({ directive: o, from: o.line, to: d.line });
        open.splice(i, 1);
      }
    }
  }
  for (const o of open) covers.push({ directive: o, from: o.line, to: last });

  const kept = findings.filter((f) => {
    if (UNSUPPRESSIBLE.has(f.rule)) return true;
    const line = f.range.start.line;
    let suppressed = false;
    for (const c of covers) {
      if (line < c.from || line > c.to) continue;
      const rules = c.directive.rules;
      if (rules.length === 0 || rules.includes(f.rule)) {
        c.directive.used.add(rules.length === 0 ? '*' : f.rule);
        suppressed = true;
      }
    }
    return !suppressed;
  });

  const problems: Array<{ span: Span; message: string }> = [];
  for (const d of list) {
    const comment = `planmark-${d.kind}`;
    const unknown = d.rules.filter((r) => !knownRules.includes(r));
    for (const r of unknown)
      problems.push({
        span: d,
        message: `Unknown rule "${r}" in ${comment}: it suppresses nothing. Rule ids are listed in docs/rules.md.`,
      });
    if (d.kind === 'enable') continue;
    const unused = d.rules.filter((r) => knownRules.includes(r) && !d.used.has(r));
    if (d.rules.length === 0 && d.used.size === 0)
      problems.push({
        span: d,
        message: `This ${comment} comment suppresses nothing: no finding ${where(d.kind)}. Remove it.`,
      });
    else if (unused.length > 0)
      problems.push({
        span: d,
        message: `This ${comment} comment suppresses no ${unused.join(', ')} finding ${where(d.kind)}. Remove ${unused.length === d.rules.length ? 'it' : 'the unused ids'}.`,
      });
  }
  return { kept, problems };
}

function where(kind: Kind): string {
  switch (kind) {
    case 'disable-next-line':
      return 'on the next line';
    case 'disable-line':
      return 'on this line';
    case 'disable-file':
      return 'in this file';
    default:
      return 'before the matching planmark-enable';
  }
}

/**
 * The quick fix that silences one finding: `<!-- planmark-disable-next-line rule -->` on a line
 * of its own above the finding's line, with its indentation (so that it stays inside a list
 * item) and the file's line ending. A table row cannot have a line inserted above it without
 * breaking the table, so there the comments go around the whole table instead.
 */
export function suppressionFix(
  text: string,
  lines: LineIndex,
  finding: Finding,
  tables: readonly Table[],
): FixData | undefined {
  if (UNSUPPRESSIBLE.has(finding.rule)) return undefined;
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  const line = finding.range.start.line;
  const at = (l: number) => ({ line: l, character: 0 });
  const start = lines.lineStart(line);
  const table = tables.find((t) => t.start <= start && start < t.end);
  if (table) {
    const first = lines.position(table.start).line;
    const lastLine = lines.position(table.end).line;
    const indent = leading(text, lines.lineStart(first));
    const endOffset = lines.lineEnd(lastLine);
    const end = lines.position(endOffset);
    return {
      title: `Disable ${finding.rule} for this table`,
      edits: [
        {
          range: { start: at(first), end: at(first) },
          newText: `${indent}<!-- planmark-disable ${finding.rule} -->${eol}`,
        },
        { range: { start: end, end }, newText: `${eol}${indent}<!-- planmark-enable ${finding.rule} -->` },
      ],
    };
  }
  const indent = leading(text, start);
  return {
    title: `Disable ${finding.rule} for this line`,
    edits: [
      {
        range: { start: at(line), end: at(line) },
        newText: `${indent}<!-- planmark-disable-next-line ${finding.rule} -->${eol}`,
      },
    ],
  };
}

/**
 * The line's own indentation: above a task's field line the comment then stays inside the
 * task's list item; above a list item it stands between items, as an HTML block may.
 */
function leading(text: string, lineStart: number): string {
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
}
