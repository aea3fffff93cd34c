// The worker behind bad-input.test.ts: analyzes each hostile text in pieces and as one
// whole document and answers with a summary, so that the test can kill it when an input
// hangs (a timeout cannot interrupt synchronous code on the test's own thread).
import { isDeepStrictEqual } from 'node:util';
import { parentPort } from 'node:worker_threads';
import { PieceCache, PlanEngine } from '../../src/engine';
import { analysisShape } from './differential';
import { TEMPLATE_TEXT } from './helpers';

export interface HostileSummary {
  skipped?: string;
  headings: number;
  tasks: number;
  tables: number;
  rules: Record<string, number>;
  /** The piecewise analysis equals the whole-document one. */
  piecesEqualWhole: boolean;
}

const engine = new PlanEngine(TEMPLATE_TEXT);
const today = '2026-01-01';

parentPort?.on('message', (text: string) => {
  const analysis = engine.analyze(text, { cache: new PieceCache(), today });
  const whole = engine.analyze(text, { wholeDocument: true, today });
  const rules: Record<string, number> = {};
  for (const f of analysis.findings) rules[f.rule] = (rules[f.rule] ?? 0) + 1;
  const summary: HostileSummary = {
    skipped: analysis.skipped,
    headings: analysis.model?.headings.length ?? 0,
    tasks: analysis.model?.tasks.length ?? 0,
    tables: analysis.model?.tables.length ?? 0,
    rules,
    piecesEqualWhole: isDeepStrictEqual(analysisShape(analysis), analysisShape(whole)),
  };
  parentPort!.postMessage(summary);
});
