import { progressExtras, type Severity } from '../../engine';
import { countSeverities, type Counts, type FileReport, type ReportedProgress } from '../report';

// `--format text`: one `file:line:col severity rule message` line per finding
// (the shape editors' problem matchers read), then each file's progress and
// counts, then a total.

export interface TextOptions {
  /** ANSI colours; the caller decides (a TTY and no NO_COLOR). */
  color: boolean;
}

const SEVERITY_COLOR: Record<Severity, number> = { error: 31, warning: 33, information: 36, hint: 2 };

export function formatText(reports: readonly FileReport[], { color }: TextOptions): string {
  const paint = (code: number, s: string) => (color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const out: string[] = [];
  for (const report of reports) {
    for (const f of report.analysis.findings) {
      const where = `${report.file}:${f.range.start.line + 1}:${f.range.start.character + 1}`;
      out.push(`${where} ${paint(SEVERITY_COLOR[f.severity], f.severity)} ${paint(2, f.rule)} ${f.message}`);
    }
    out.push(`${paint(1, report.file)}: ${fileSummary(report)}`);
  }
  const counts = countSeverities(reports);
  const sum = (key: keyof ReportedProgress) => reports.reduce((n, r) => n + r.analysis.outline[key], 0);
  const label = reports.length === 1 ? '1 file' : `${reports.length} files`;
  const all = {
    done: sum('done'),
    total: sum('total'),
    inProgress: sum('inProgress'),
    optionalDone: sum('optionalDone'),
    optionalTotal: sum('optionalTotal'),
  };
  const summary = `${label}, ${progress(all)}, ${describeCounts(counts)}`;
  out.push(paint(1, `Total: ${summary}`));
  return out.join('\n') + '\n';
}

export function fileSummary({ analysis }: Pick<FileReport, 'analysis'>): string {
  if (analysis.skipped) return `not validated (${analysis.skipped})`;
  const profile = analysis.profile ? ` · ${analysis.profile.id} profile: ${analysis.profile.reason}` : '';
  return `${progress(analysis.outline)}, ${describeCounts(countSeverities([{ analysis }]))}${profile}`;
}

/** `3/12 tasks done (25%)`, then in-progress and optional counts when there are any. */
function progress(p: ReportedProgress): string {
  // Rounded down, as the outline does, so that 100% means really done.
  const percent = p.total === 0 ? 0 : Math.floor((100 * p.done) / p.total);
  return [`${p.done}/${p.total} tasks done (${percent}%)`, ...progressExtras(p)].join(', ');
}

function describeCounts(counts: Counts): string {
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.information > 0) parts.push(`${counts.information} info`);
  if (counts.hint > 0) parts.push(plural(counts.hint, 'hint'));
  return parts.join(', ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
