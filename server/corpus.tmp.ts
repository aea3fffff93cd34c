import { readFileSync, readdirSync } from 'node:fs';
import { PlanEngine } from './src/engine';
const engine = new PlanEngine(readFileSync('server/templates/implementation-plan.md', 'utf8'));
const dir = '../shared/corpus/real/';
for (const f of readdirSync(dir).filter(f => /^\d/.test(f))) {
  const t0 = performance.now();
  const a = engine.analyze(readFileSync(dir + f, 'utf8'));
  const counts: Record<string, number> = {};
  for (const x of a.findings) counts[x.rule] = (counts[x.rule] ?? 0) + 1;
  console.log(f.slice(0, 24), (performance.now() - t0).toFixed(0) + 'ms', `${a.outline.done}/${a.outline.total} ${a.outline.estimateHours}h`, JSON.stringify(counts).replace(/"/g, ''), a.skipped ?? '');
}
