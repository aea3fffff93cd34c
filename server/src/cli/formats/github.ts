import type { Severity } from '../../engine';
import { countSeverities, type FileReport } from '../report';

// `--format github`: GitHub Actions workflow commands, one `::error file=…::message`
// per finding, which the runner turns into annotations on the pull request's
// changed lines (and in the job summary). Then the usual total line.
// https://docs.github.com/actions/reference/workflow-commands-for-github-actions

const COMMAND: Record<Severity, string> = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' };

/** Escapes a command's message: `%`, CR and LF would end or corrupt it. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Escapes a property value, where `:` and `,` are separators too. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(reports: readonly FileReport[]): string {
  const out: string[] = [];
  for (const { file, analysis } of reports) {
    const path = file.split('\\').join('/');
    for (const f of analysis.findings) {
      const { start, end } = f.range;
      const where = [
        `file=${property(path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        ...(start.line === end.line ? [`endColumn=${end.character + 1}`] : []),
        `title=${property(`planmark ${f.rule}`)}`,
      ];
      out.push(`::${COMMAND[f.severity]} ${where.join(',')}::${data(f.message)}`);
    }
  }
  const counts = countSeverities(reports);
  out.push(
    `planmark: ${reports.length} file${reports.length === 1 ? '' : 's'}, ${counts.error} error${counts.error === 1 ? '' : 's'}, ${counts.warning} warning${counts.warning === 1 ? '' : 's'}`,
  );
  return out.join('\n') + '\n';
}
