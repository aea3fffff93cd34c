// The task graph: fixtures with known waves, critical paths, ready and blocked
// tasks and conflicts (test-fixtures/graph/<name>.graph.json, compared whole:
// a missing and an extra entry both fail), the forms dependencies are written
// in, phase order, and a differential check that the junction-based waves and
// critical path agree with a naive computation over the listed edges.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG, PlanEngine, planGraphJson, type PlanGraphJson } from '../../src/engine';
import { CORPUS, REPO, TEMPLATE_TEXT, lines } from './helpers';

const FIXTURES = join(REPO, 'test-fixtures', 'graph');
const engine = new PlanEngine(TEMPLATE_TEXT);
const graphOf = (text: string, e = engine) => planGraphJson(e.analyze(text).graph!);

for (const name of readdirSync(FIXTURES).filter((f) => f.endsWith('.md'))) {
  test(`graph fixture ${name}`, () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, name.replace(/\.md$/, '.graph.json')), 'utf8')) as unknown;
    assert.deepEqual(graphOf(readFileSync(join(FIXTURES, name), 'utf8')), expected);
  });
}

test('graph: the JSON has exactly the documented keys, in order', () => {
  const g = graphOf(readFileSync(join(FIXTURES, 'blocks.md'), 'utf8'));
  assert.deepEqual(Object.keys(g), [
    'nodes',
    'edges',
    'waves',
    'criticalPath',
    'criticalPathHours',
    'ready',
    'blocked',
    'unestimated',
    'conflicts',
  ]);
  assert.deepEqual(Object.keys(g.nodes[0]), ['id', 'title', 'line', 'state', 'estimateHours', 'wave']);
  assert.deepEqual(Object.keys(g.edges[0]), ['from', 'to', 'kind']);
});

test('graph: every dependency form is an edge', () => {
  const g = graphOf(
    lines(
      '# Plan',
      '',
      '## Tasks',
      '',
      '- [ ] T001 Create the project',
      '- [ ] T002 Add the schema (depends on T001)',
      '- [ ] T003 Depends on T001 and T002',
      '- [ ] T004 Add the API',
      '  - **Dependencies**: T003, Add the schema',
      '- [ ] T005 Add the UI',
      '  - _Depends: T004_',
      '- [ ] T006 Test it, depends on OAuth2 (prose, no edge)',
    ),
  );
  const edges = g.edges.map((e) => `${e.from}>${e.to}`).sort();
  assert.deepEqual(edges, ['T001>T002', 'T001>T003', 'T002>T003', 'T002>T004', 'T003>T004', 'T004>T005']);
  assert.deepEqual(g.waves, [['T001', 'T006'], ['T002'], ['T003'], ['T004'], ['T005']]);
  assert.deepEqual(g.ready, ['T001', 'T006']);
});

test('graph: Kiro numbered tasks are named by their number; a section names every task in it', () => {
  const g = graphOf(
    lines(
      '# Implementation Plan',
      '',
      '## Data',
      '',
      '- [x] 1. Set up the store',
      '- [ ] 2. Build the models',
      '  - _Depends: 1_',
      '',
      '## API',
      '',
      '- [ ] 3. Build the API',
      '  - **Dependencies**: Data',
    ),
  );
  assert.deepEqual(
    g.nodes.map((n) => [n.id, n.title, n.state, n.wave]),
    [
      ['1', 'Set up the store', 'done', 1],
      ['2', 'Build the models', 'open', 2],
      ['3', 'Build the API', 'blocked', 3],
    ],
  );
  assert.deepEqual(g.blocked, [{ id: '3', by: ['2'] }]);
  assert.deepEqual(g.ready, ['2']);
});

const phased = lines(
  '# Tasks',
  '',
  '## Phase 1: Build',
  '',
  '- [ ] T001 One',
  '- [ ] T002 Two',
  '',
  '## Phase 2: Ship',
  '',
  '- [ ] T003 Three',
);

test('graph: phase order is off by default outside spec-kit, and on when the setting says so', () => {
  assert.deepEqual(graphOf(phased).waves, [['T001', 'T002', 'T003']]);
  const on = new PlanEngine(TEMPLATE_TEXT, { ...DEFAULT_CONFIG, phaseOrder: 'on' });
  const g = graphOf(phased, on);
  assert.deepEqual(g.waves, [['T001', 'T002'], ['T003']]);
  assert.deepEqual(g.edges, [
    { from: 'T001', to: 'T003', kind: 'phase' },
    { from: 'T002', to: 'T003', kind: 'phase' },
  ]);
  assert.deepEqual(g.blocked, [{ id: 'T003', by: ['T001', 'T002'] }]);
});

test('graph: phase order off leaves a spec-kit list to its stated dependencies', () => {
  const off = new PlanEngine(TEMPLATE_TEXT, { ...DEFAULT_CONFIG, phaseOrder: 'off' });
  const g = graphOf(readFileSync(join(FIXTURES, 'spec-kit.md'), 'utf8'), off);
  assert.deepEqual(g.waves, [
    ['T001', 'T002', 'T009', 'T003', 'T005', 'T007', 'T008'],
    ['T004', 'T006'],
  ]);
});

test('graph: the critical path prefers hours, then length; done tasks weigh nothing', () => {
  const g = graphOf(
    lines(
      '# Plan',
      '',
      '## Phase 1: Work',
      '',
      '- [ ] **Task 1**: Long alone',
      '  - **Estimate**: 5h',
      '- [x] **Task 2**: Done first',
      '  - **Estimate**: 40h',
      '- [ ] **Task 3**: After the done one',
      '  - **Estimate**: 2h',
      '  - **Dependencies**: 2',
      '- [ ] **Task 4**: Last',
      '  - **Estimate**: 2.5h',
      '  - **Dependencies**: 3',
    ),
  );
  assert.deepEqual(g.criticalPath, ['1']);
  assert.equal(g.criticalPathHours, 5);
});

test('graph: an unreadable estimate counts as 0 and is listed', () => {
  const g = graphOf(
    lines(
      '# Plan',
      '',
      '- [ ] **Task 1**: A',
      '  - **Estimate**: soon',
      '- [ ] **Task 2**: B',
      '  - **Estimate**: 1h',
      '  - **Dependencies**: 1',
    ),
  );
  assert.deepEqual(g.criticalPath, ['1', '2']);
  assert.equal(g.criticalPathHours, 1);
  assert.deepEqual(g.unestimated, ['1']);
});

test('graph: repeated ids and tasks without one get unique names by line', () => {
  const g = graphOf(lines('# Plan', '', '- [ ] T001 A', '- [ ] T001 B', '- [ ] Plain task'));
  assert.deepEqual(
    g.nodes.map((n) => n.id),
    ['T001', 'T001@L4', 'L5'],
  );
});

/** Waves and critical-path hours recomputed naively from the listed edges (relaxation until stable). */
function naive(g: PlanGraphJson): { waves: Map<string, number | null>; hours: number } {
  const preds = new Map<string, string[]>(g.nodes.map((n) => [n.id, []]));
  for (const e of g.edges) preds.get(e.to)!.push(e.from);
  const wave = new Map<string, number | null>();
  const hours = new Map<string, number>();
  const node = new Map(g.nodes.map((n) => [n.id, n]));
  for (let changed = true; changed;) {
    changed = false;
    for (const n of g.nodes) {
      if (wave.has(n.id)) continue;
      const ps = preds.get(n.id)!;
      if (!ps.every((p) => wave.has(p) && wave.get(p) !== null)) continue;
      wave.set(n.id, 1 + Math.max(0, ...ps.map((p) => wave.get(p)!)));
      const own = n.state === 'done' ? 0 : (n.estimateHours ?? 0);
      hours.set(n.id, own + Math.max(0, ...ps.map((p) => hours.get(p)!)));
      changed = true;
    }
  }
  for (const n of g.nodes) if (!wave.has(n.id)) wave.set(n.id, null);
  const open = g.nodes.filter((n) => node.get(n.id)!.state !== 'done' && wave.get(n.id) !== null);
  return { waves: wave, hours: Math.max(0, ...open.map((n) => hours.get(n.id)!)) };
}

const corpusFiles = existsSync(CORPUS)
  ? readdirSync(CORPUS)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(CORPUS, f))
  : [];
const specKitOn = new PlanEngine(TEMPLATE_TEXT, { ...DEFAULT_CONFIG, phaseOrder: 'on' });

test('graph: waves and critical path agree with a naive computation over the edges (fixtures and corpus)', () => {
  const files = [
    ...readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(FIXTURES, f)),
    ...corpusFiles,
  ];
  for (const file of files) {
    for (const e of [engine, specKitOn]) {
      const analysis = e.analyze(readFileSync(file, 'utf8'));
      if (!analysis.graph) continue;
      const g = planGraphJson(analysis.graph);
      const check = naive(g);
      for (const n of g.nodes) assert.equal(n.wave, check.waves.get(n.id), `${file}: wave of ${n.id}`);
      assert.ok(Math.abs(g.criticalPathHours - check.hours) < 1e-6, `${file}: critical path hours`);
      const sum = g.criticalPath.reduce((s, id) => s + (g.nodes.find((n) => n.id === id)!.estimateHours ?? 0), 0);
      assert.ok(Math.abs(sum - g.criticalPathHours) < 0.01, `${file}: the path's estimates add up to its hours`);
      for (const id of g.ready) assert.ok(!g.blocked.some((b) => b.id === id), `${file}: ${id} ready and blocked`);
    }
  }
});
