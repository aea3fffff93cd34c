// `planmark graph` and `planmark next`, run as the shipped bundle. The diagrams are
// checked by their own parsers: Mermaid's (the `mermaid` package, on a jsdom window)
// and Graphviz itself (compiled to WebAssembly: @hpcc-js/wasm-graphviz), so "renders
// as it is" means what it says.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { JSDOM } from 'jsdom';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { ROOT, run, workspace } from './helpers';

const FIXTURES = join(ROOT, 'test-fixtures', 'graph');
const plans = [
  ...readdirSync(FIXTURES)
    .filter((f) => f.endsWith('.md'))
    .map((f) => `test-fixtures/graph/${f}`),
  'test-fixtures/sample/plan.md',
  'test-fixtures/rules/parallel-conflict.md',
  'test-fixtures/rules/dependencies-inline.md',
];

type Mermaid = { parse(text: string): Promise<unknown> };
let mermaid: Promise<Mermaid> | undefined;
/** Mermaid wants a DOM for its sanitizer: a jsdom window stands in for the browser. */
function loadMermaid(): Promise<Mermaid> {
  return (mermaid ??= (async () => {
    const dom = new JSDOM('');
    Object.assign(globalThis, { window: dom.window, document: dom.window.document });
    const m = (await import('mermaid')) as unknown as { default: Mermaid };
    return m.default;
  })());
}

test('graph --format json: the fixture graph, exactly', async () => {
  const r = await run(['graph', '--format', 'json', 'test-fixtures/graph/blocks.md']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), JSON.parse(readFileSync(join(FIXTURES, 'blocks.graph.json'), 'utf8')));
});

test('graph --format mermaid: Mermaid parses it; one node per task, a subgraph per phase, the critical path styled', async () => {
  const { parse } = await loadMermaid();
  for (const plan of plans) {
    const r = await run(['graph', '--format', 'mermaid', plan]);
    assert.equal(r.code, 0, r.stderr);
    await assert.doesNotReject(parse(r.stdout), `${plan}:\n${r.stdout}`);
    const json = JSON.parse((await run(['graph', '--format', 'json', plan])).stdout) as {
      nodes: unknown[];
      edges: Array<{ kind: string }>;
      criticalPath: string[];
    };
    assert.equal(r.stdout.match(/^\s+t\d+\["/gm)?.length ?? 0, json.nodes.length, plan);
    assert.equal(
      r.stdout.match(/^\s+t\d+ --> t\d+$/gm)?.length ?? 0,
      json.edges.filter((e) => e.kind === 'dependency').length,
      plan,
    );
    if (json.criticalPath.length > 0) assert.match(r.stdout, /^ {2}class [t\d,]+ critical$/m, plan);
  }
  // A broken diagram is rejected: the check can fail.
  await assert.rejects(parse('flowchart LR\n  t0["a "quoted" b"]\n'));
});

test('graph --format mermaid: titles with quotes, brackets and # are escaped', async () => {
  const { parse } = await loadMermaid();
  const ws = workspace({
    'plan.md':
      '# Plan\n\n## Phase 1: "Quoted" <phase> #1\n\n- [ ] T001 Say "hi" <b> `code` #tag [x] (y) {z} | end\n- [ ] T002 Next (depends on T001)\n',
  });
  try {
    const r = await run(['graph', '--format', 'mermaid', 'plan.md'], ws.dir);
    assert.equal(r.code, 0, r.stderr);
    await parse(r.stdout);
    // Inline code reads as its text; quotes, angle brackets and # become Mermaid's entity codes.
    assert.match(r.stdout, /t0\["T001 · Say #quot;hi#quot; #lt;b#gt; code #35;tag \[x\] \(y\) \{z\} \| end"\]/);
  } finally {
    ws.cleanup();
  }
});

test('graph --format dot: Graphviz lays it out; one node per task, clusters per phase', async () => {
  const graphviz = await Graphviz.load();
  for (const plan of plans) {
    const r = await run(['graph', '--format', 'dot', plan]);
    assert.equal(r.code, 0, r.stderr);
    const svg = graphviz.dot(r.stdout);
    const json = JSON.parse((await run(['graph', '--format', 'json', plan])).stdout) as { nodes: unknown[] };
    assert.equal(svg.match(/class="node"/g)?.length ?? 0, json.nodes.length, plan);
    assert.equal(svg.match(/class="cluster"/g)?.length ?? 0, r.stdout.match(/subgraph cluster_/g)?.length ?? 0, plan);
  }
  assert.throws(() => graphviz.dot('digraph { t0 -> ; }'));
});

test('graph: the text summary names waves, the critical path, ready and blocked tasks and conflicts', async () => {
  const r = await run(['graph', 'test-fixtures/graph/spec-kit.md']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Tasks: Sign-in: 9 tasks (8 not done), 6 waves, phases in order');
  assert.equal(lines[1], '  wave 1: T001 (done), T002, T009');
  assert.ok(lines.includes('  wave 4: T005 (blocked), T007 (blocked)'), r.stdout);
  assert.ok(lines.includes('ready:'), r.stdout);
  assert.ok(lines.includes('  T003  by T002, T009'), r.stdout);
  assert.ok(lines.includes('  T002 and T009 both name .eslintrc.json ([P] in one phase)'), r.stdout);
});

test('next: the ready tasks, id and title a line; json with lines', async () => {
  const r = await run(['next', 'test-fixtures/graph/spec-kit.md']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    r.stdout,
    'T002\t[P] Configure linting in .eslintrc.json\nT009\t[P] Configure formatting in .eslintrc.json and .prettierrc.json\n',
  );
  const json = await run(['next', '--format', 'json', 'test-fixtures/graph/blocks.md']);
  assert.deepEqual(JSON.parse(json.stdout), [{ id: '1.2', title: 'Write the migrations', line: 10 }]);
});

test('graph and next: bad usage and unreadable files exit 2 with a message', async () => {
  for (const args of [
    ['graph'],
    ['next', 'a.md', 'b.md'],
    ['graph', '--format', 'svg', 'test-fixtures/graph/blocks.md'],
    ['next', '--format', 'dot', 'test-fixtures/graph/blocks.md'],
  ]) {
    const r = await run(args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, /^planmark: /, args.join(' '));
  }
  const missing = await run(['graph', 'no-such-plan.md']);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no-such-plan\.md/);
});
