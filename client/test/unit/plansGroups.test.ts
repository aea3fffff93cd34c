// How the Plans view arranges plans, without VS Code: a spec-kit feature's files
// together, Kiro specs apart, the other plans in one group; flat when only one group;
// same titles told apart by folder; the progress bar.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PlanSummary } from '../../../server/src/protocol';
import { bar, group, type PlansNode } from '../../src/plansGroups';

function plan(path: string, profile: string, title?: string, folder = 'file:///ws'): PlanSummary {
  return {
    uri: `${folder}/${path}`,
    path,
    folder,
    title,
    profile: { id: profile, title: profile },
    done: 0,
    total: 1,
    percent: 0,
    errors: 0,
    warnings: 0,
    others: 0,
    modified: 0,
  };
}

const shape = (nodes: PlansNode[]) =>
  nodes.map((n) => (n.kind === 'group' ? [n.label, n.plans.map((p) => p.label)] : n.label));

test('groups: spec-kit features, Kiro specs, other plans, in the order of their most recent plan', () => {
  const plans = [
    plan('specs/002-search/tasks.md', 'spec-kit-tasks', 'Tasks: Search'),
    plan('docs/checkout-plan.md', 'reference', 'Checkout - Implementation Plan'),
    plan('.kiro/specs/billing/tasks.md', 'kiro-tasks', 'Implementation Plan'),
    plan('specs/002-search/plan.md', 'spec-kit-plan', 'Implementation Plan: Search'),
    plan('.kiro/specs/auth/tasks.md', 'kiro-tasks', 'Implementation Plan'),
  ];
  assert.deepEqual(shape(group(plans, false)), [
    ['spec-kit · 002-search', ['Tasks: Search', 'Implementation Plan: Search']],
    ['Plans', ['Checkout - Implementation Plan']],
    ['Kiro · billing', ['Implementation Plan (.kiro/specs/billing)']],
    ['Kiro · auth', ['Implementation Plan (.kiro/specs/auth)']],
  ]);
});

test('one group only: the plans without a group row; no title: the path', () => {
  const nodes = group([plan('plan.md', 'reference', 'A'), plan('b-plan.md', 'checklist')], false);
  assert.deepEqual(shape(nodes), ['A', 'b-plan.md']);
  assert.ok(nodes.every((n) => n.kind === 'plan' && n.parent === undefined));
});

test('several workspace folders: the folder leads the group', () => {
  const nodes = group(
    [plan('plan.md', 'reference', 'A', 'file:///one'), plan('plan.md', 'reference', 'B', 'file:///two')],
    true,
  );
  assert.deepEqual(shape(nodes), [
    ['one · Plans', ['A']],
    ['two · Plans', ['B']],
  ]);
});

test('the bar: fifths, rounded down, full only when done', () => {
  assert.equal(bar(0), '░░░░░');
  assert.equal(bar(33), '█░░░░');
  assert.equal(bar(40), '██░░░');
  assert.equal(bar(99), '████░');
  assert.equal(bar(100), '█████');
});
