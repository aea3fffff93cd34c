import { relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type * as sarif from 'sarif';
import { RULES, VALIDATION_SKIPPED, ruleDocsUrl, type ConfigProblem, type Severity } from '../../engine';
import type { CheckResult } from '../report';
import { isUnder, toPosix } from '../../node/planFiles';

// `--format sarif`: SARIF 2.1.0 for code-scanning dashboards. Paths under the
// working directory are relative to %SRCROOT% (the working directory), others
// are file URIs. Columns are UTF-16 code units, as in the engine and LSP.

const LEVEL: Record<Severity, sarif.Result.level> = {
  error: 'error',
  warning: 'warning',
  information: 'note',
  hint: 'note',
};

export interface SarifOptions {
  cwd: string;
  version: string;
  configProblems: readonly ConfigProblem[];
}

export function toSarif({ reports, problems }: CheckResult, { cwd, version, configProblems }: SarifOptions): sarif.Log {
  const descriptors = [...RULES, VALIDATION_SKIPPED];
  const index = new Map(descriptors.map((r, i) => [r.id, i]));
  const rules: sarif.ReportingDescriptor[] = descriptors.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    helpUri: ruleDocsUrl(r.id),
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
  }));
  const results: sarif.Result[] = reports.flatMap(({ path, analysis }) =>
    analysis.findings.map((f) => ({
      ruleId: f.rule,
      ...(index.has(f.rule) ? { ruleIndex: index.get(f.rule) } : {}),
      level: LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(path, cwd),
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const notification = (level: sarif.Notification.level, text: string): sarif.Notification => ({
    level,
    message: { text },
  });
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'planmark', version, semanticVersion: version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: directoryUri(cwd) } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            toolExecutionNotifications: problems.map((p) => notification('error', p.message)),
            toolConfigurationNotifications: configProblems.map((p) => notification('warning', p.message)),
          },
        ],
        results,
      },
    ],
  };
}

function artifactLocation(path: string, cwd: string): sarif.ArtifactLocation {
  if (!isUnder(path, cwd)) return { uri: pathToFileURL(path).href };
  const uri = toPosix(relative(cwd, path)).split('/').map(encodeURIComponent).join('/');
  return { uri, uriBaseId: '%SRCROOT%' };
}

function directoryUri(dir: string): string {
  const href = pathToFileURL(dir).href;
  return href.endsWith('/') ? href : href + '/';
}
