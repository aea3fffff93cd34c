import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative } from 'node:path';
import { toPosix } from '../node/planFiles';
import type { FileReport, ReportedFinding } from './report';

// `--write-baseline FILE` records today's findings; `--baseline FILE` reports
// only the findings that are not in it, so that a repository can adopt planmark
// without fixing everything first. A finding is matched by its file, rule,
// message and the text of its line, never by its line number: an edit elsewhere
// in the file moves findings without resurrecting them. A finding that occurs
// n times is forgiven n times (the n + 1st is new).
// Paths are relative to the baseline file's folder, so the check may run from
// anywhere.

const FORMAT = 1;

export interface BaselineEntry {
  file: string;
  rule: string;
  message: string;
  /** The finding's line, trimmed. */
  context: string;
  count: number;
}

interface BaselineFile {
  planmarkBaseline: number;
  findings: BaselineEntry[];
}

export class BaselineError extends Error {}

const keyOf = (e: Omit<BaselineEntry, 'count'>) => JSON.stringify([e.file, e.rule, e.message, e.context]);

export function readBaseline(path: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new BaselineError(
      `cannot read the baseline ${path} (${(error as NodeJS.ErrnoException).code ?? String(error)})`,
    );
  }
  let data: BaselineFile;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, '')) as BaselineFile;
  } catch (error) {
    throw new BaselineError(`the baseline ${path} is not valid JSON (${(error as Error).message})`);
  }
  if (data?.planmarkBaseline !== FORMAT || !Array.isArray(data.findings))
    throw new BaselineError(`${path} is not a planmark baseline (write one with --write-baseline)`);
  return data.findings;
}

function entriesOf(reports: readonly FileReport[], base: string): Map<string, BaselineEntry> {
  const entries = new Map<string, BaselineEntry>();
  for (const report of reports) {
    const file = toPosix(relative(base, report.path));
    for (const f of report.analysis.findings) {
      const entry = { file, rule: f.rule, message: f.message, context: f.context };
      const key = keyOf(entry);
      const known = entries.get(key);
      if (known) known.count++;
      else entries.set(key, { ...entry, count: 1 });
    }
  }
  return entries;
}

/**
 * Writes the findings of `reports` to the baseline at `path`. Entries of files not
 * checked in this run are kept (a run on some files does not forget the others).
 * Returns how many findings it holds.
 */
export function writeBaseline(path: string, reports: readonly FileReport[]): number {
  const base = dirname(path);
  const checked = new Set(reports.map((r) => toPosix(relative(base, r.path))));
  let kept: BaselineEntry[];
  try {
    kept = readBaseline(path).filter((e) => !checked.has(e.file));
  } catch {
    kept = []; // none yet, or not a baseline: replaced
  }
  const findings = [...kept, ...entriesOf(reports, base).values()].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      a.rule.localeCompare(b.rule) ||
      a.context.localeCompare(b.context) ||
      a.message.localeCompare(b.message),
  );
  const data: BaselineFile = { planmarkBaseline: FORMAT, findings };
  writeFileSync(path, JSON.stringify(data, null, 2) + '\n');
  return findings.reduce((n, e) => n + e.count, 0);
}

export interface Filtered {
  reports: FileReport[];
  /** Findings left out because the baseline holds them. */
  known: number;
  /** Baseline findings (of the files checked) that no longer occur: fixed. */
  fixed: number;
}

/** The reports with only the findings the baseline at `path` (already read as `entries`) does not hold. */
export function applyBaseline(
  reports: readonly FileReport[],
  entries: readonly BaselineEntry[],
  path: string,
): Filtered {
  const base = dirname(path);
  const left = new Map(entries.map((e) => [keyOf(e), e.count]));
  let known = 0;
  const filtered = reports.map((report) => {
    const file = toPosix(relative(base, report.path));
    const findings = report.analysis.findings.filter((f: ReportedFinding) => {
      const key = keyOf({ file, rule: f.rule, message: f.message, context: f.context });
      const n = left.get(key) ?? 0;
      if (n === 0) return true;
      left.set(key, n - 1);
      known++;
      return false;
    });
    return { ...report, analysis: { ...report.analysis, findings } };
  });
  const checked = new Set(reports.map((r) => toPosix(relative(base, r.path))));
  let fixed = 0;
  for (const e of entries) if (checked.has(e.file)) fixed += left.get(keyOf(e)) ?? 0;
  return { reports: filtered, known, fixed };
}
