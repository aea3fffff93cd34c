// `npm run bench`: numbers, not pass/fail. In one run, on the same texts: the
// planmark engine (parse + model + all rules + outline), markdownlint (the
// library, default rules) and a bare unified + remark-parse + remark-gfm parse.
// Then the language server itself: change → diagnostics on a 2,000-line plan. Last, the
// CLI as whole processes against markdownlint-cli2 (bench/cli.ts).
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { lint } from 'markdownlint/sync';
import { PlanEngine, DEFAULT_CONFIG, PieceCache } from '../server/src/engine';
import { generatePlan } from './generate';
import { stats, type Stats } from './stats';
import { featureLatency, serverLatency, slowParseResponse } from './server';
import { graphBench, graphLayoutBench } from './graph';
import { cliBench, printCliBench } from './cli';
import { phantomCompletion } from './phantom';

const REPO = join(__dirname, '..');
const template = readFileSync(join(REPO, 'server', 'templates', 'implementation-plan.md'), 'utf8');
const big = generatePlan({ chars: 1024 * 1024 });
const engine = new PlanEngine(template, { ...DEFAULT_CONFIG, maxFileSize: 4 * 1024 * 1024 });
/** The editor's cache of parsed pieces, as the language server keeps one. */
const cache = new PieceCache();
const bare = unified().use(remarkParse).use(remarkGfm);

function measure(fn: () => unknown, runs: number, warmup: number, before: () => void = () => {}): Stats {
  for (let i = 0; i < warmup; i++) {
    before();
    fn();
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    before();
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return stats(times);
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;

async function main() {
  const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version };
  const rows: string[] = [];
  const cached: string[] = [];
  for (const [name, text, runs, warmup] of [
    ['reference template (10.7 KB)', template, 200, 50],
    [`generated plan (${(big.length / 1024 / 1024).toFixed(2)} MB, ${big.split('\n').length} lines)`, big, 5, 1],
  ] as const) {
    // Cold: the parse cache emptied before each run, so every section is parsed, as the peers parse everything.
    const planmark = measure(
      () => engine.analyze(text, { cache }),
      runs,
      warmup,
      () => cache.clear(),
    );
    const markdownlint = measure(() => lint({ strings: { plan: text } }), runs, warmup);
    const parse = measure(() => bare.parse(text), runs, warmup);
    // What the editor does: the same text again (settings changed), or one character edited in one section.
    const unchanged = measure(() => engine.analyze(text, { cache }), runs * 4, warmup);
    // Every edit is new text (a counter typed into a task mid-document), so its section is parsed again.
    let typed = 0;
    const at = text.indexOf('- [ ] ', Math.floor(text.length / 2)) + 6;
    const edit = measure(
      () => engine.analyze(text.slice(0, at) + `${typed++} ` + text.slice(at), { cache }),
      runs * 4,
      warmup,
    );
    results[name] = { planmark, markdownlint, parse, unchanged, edit };
    rows.push(
      `| ${name} | ${ms(planmark.median)} | ${ms(markdownlint.median)} | ${ms(parse.median)} | ${(planmark.median / markdownlint.median).toFixed(2)}× | ${(planmark.median / parse.median).toFixed(2)}× |`,
    );
    cached.push(
      `| ${name} | ${ms(unchanged.median)} (p95 ${ms(unchanged.p95)}) | ${ms(edit.median)} (p95 ${ms(edit.p95)}) |`,
    );
  }
  console.log("\nCold: every section parsed (planmark's parse cache emptied before each run).\n");
  console.log(
    '| input | planmark (full validation) | markdownlint (default rules) | bare unified+remark-gfm parse | planmark / markdownlint | planmark / bare parse |',
  );
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(r);
  console.log('\nWarm: what re-validation in the editor costs (sections parsed before are reused).\n');
  console.log('| input | unchanged text | one edit in one section |');
  console.log('|---|---|---|');
  for (const r of cached) console.log(r);

  const server = await serverLatency(generatePlan({ lines: 2000 }), 100);
  results.server = server;
  console.log(
    `\nserver, change → diagnostics on a ${server.lines}-line plan (debounce 0, ${server.runs} edits): median ${ms(server.median)}, p95 ${ms(server.p95)}`,
  );

  const features = await featureLatency(generatePlan({ lines: 2000 }), 200);
  results.features = features;
  console.log(
    `\nserver, editor requests on a ${features.lines}-line plan (analysis cached, ${features.runs} requests each, over stdio):`,
  );
  for (const name of ['completion', 'hover', 'codeAction'] as const) {
    console.log(`  ${name}: median ${ms(features[name].median)}, p95 ${ms(features[name].p95)}`);
  }

  // micromark's slowest input we know: a paragraph of thousands of lines full of links.
  const slowText =
    '# Slow - Implementation Plan\n\n## Notes\n\n' +
    'See [a link](https://example.com/a) and <https://example.com/b> and [ref][r] words.\n'.repeat(3000);
  const otherText = generatePlan({ lines: 2000 });
  const slow = [
    await slowParseResponse(slowText, otherText, DEFAULT_CONFIG.parseTimeoutMs),
    await slowParseResponse(slowText, otherText, 0),
  ];
  results.slowParse = slow;
  const [worker, mainThread] = slow;
  console.log(
    `\nserver, a ${(slowText.length / 1024).toFixed(0)} KB paragraph of links opened, then a ${otherText.split('\n').length}-line plan and an outline request for it (from its opening):`,
  );
  console.log('| parsing | outline request answered | slow plan: notice | slow plan: findings |');
  console.log('|---|---|---|---|');
  for (const r of slow)
    console.log(
      `| ${r.parseTimeoutMs > 0 ? `large texts in a worker (parseTimeoutMs ${r.parseTimeoutMs})` : 'all on the main thread (parseTimeoutMs 0)'} | ${ms(r.otherRequestMs)} | ${r.noticeMs === undefined ? '—' : ms(r.noticeMs)} | ${ms(r.findingsMs)} |`,
    );
  console.log(
    `the other plan's answer: ${(worker.otherRequestMs / mainThread.otherRequestMs).toFixed(2)}× the time it takes with everything on the main thread`,
  );

  const graph = graphBench(measure);
  results.graph = graph;
  console.log('\nTask graph, 1,000 tasks (dependencies, graph, waves, ready/blocked, critical path, conflicts):');
  console.log(
    '| phase order | graph (median, p95, fastest) | plain analysis of the file (median) | graph / analysis |',
  );
  console.log('|---|---|---|---|');
  for (const [name, r] of Object.entries(graph) as Array<
    [string, { graph: Stats; analysis: Stats; edges: number; waves: number }]
  >)
    console.log(
      `| ${name} (${r.edges} edges, ${r.waves} waves) | ${ms(r.graph.median)} (p95 ${ms(r.graph.p95)}, fastest ${ms(r.graph.min)}) | ${ms(r.analysis.median)} | ${(r.graph.median / r.analysis.median).toFixed(3)}× |`,
    );
  const layout = graphLayoutBench(measure);
  results.graphLayout = layout;
  console.log(
    "\nPlan Graph layout (the webview's dagre layout, run in Node), against the plain analysis of the same file:",
  );
  console.log('| plan | layout (median, p95) | analysis (median) | layout / analysis | drawn edges | size (px) |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, r] of Object.entries(layout) as Array<
    [string, { layout: Stats; analysis: Stats; drawnEdges: number; width: number; height: number }]
  >)
    console.log(
      `| ${name} | ${ms(r.layout.median)} (p95 ${ms(r.layout.p95)}) | ${ms(r.analysis.median)} | ${(r.layout.median / r.analysis.median).toFixed(2)}× | ${r.drawnEdges} | ${r.width} × ${r.height} |`,
    );
  const cli = cliBench();
  results.cli = cli;
  printCliBench(cli);
  const phantom = await phantomCompletion(engine);
  results.phantomCompletion = phantom;
  console.log(
    `\nphantom-completion, ${phantom.tasks} ticked tasks naming 2 files each, in a git repository of 22 commits (${phantom.findings} phantoms found), facts gathered cold + analysis:`,
  );
  console.log(`  with git: median ${ms(phantom.planmark.median)}, p95 ${ms(phantom.planmark.p95)}`);
  console.log(`  --no-git (files exist): median ${ms(phantom.noGit.median)}, p95 ${ms(phantom.noGit.p95)}`);
  console.log(`  peer, git blame --porcelain of the plan alone: median ${ms(phantom.blame.median)}`);
  console.log(
    `  peer, git log --name-only over the same 2,000 files: median ${ms(phantom.gitLog.median)} (planmark with git: ${(phantom.planmark.median / phantom.gitLog.median).toFixed(2)}× its time)`,
  );

  mkdirSync(join(REPO, 'bench', 'results'), { recursive: true });
  writeFileSync(join(REPO, 'bench', 'results', 'latest.json'), JSON.stringify(results, null, 2) + '\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
