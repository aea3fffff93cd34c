import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/engine';
import { collectTargets } from '../../src/cli/files';
import { fileUri, LspTestClient } from './lspClient';
import { tempWorkspace, type TempWorkspace } from './fixtures';
import { PlansRequest, type PlanSummary } from '../../src/protocol';

// One notion of "a plan" (issue 11, item 6): the files `planmark check FOLDER` checks,
// the files the server reports in workspace diagnostics, and the files whose open
// document gets an outline (what the Plan view and the status bar show) are the same
// set, over a workspace that mixes every way a file becomes a plan: include globs,
// an "Implementation Plan" title, spec-kit's convention (with `.specify/`), spec-kit's
// content signature, Kiro's convention (in a dot folder) and its content signature read
// with the file beside it (requirements.md), a plan in a dot folder, and files that are not plans (notes, a
// spec-kit template, a spec). The Plans view (planmark/plans) lists the same set.

const FILES: Record<string, string> = {
  'plan.md': '# Checkout - Implementation Plan\n\n- [ ] **Task**: C1 Build\n',
  'docs/rollout-plan.md': '# Rollout\n\n- [ ] Ship\n',
  'notes/roadmap.md': '# Search Implementation Plan\n\n- [ ] Index\n',
  '.plans/cache.plan.md': '# Cache\n\n- [ ] Evict\n',
  '.specify/memory/constitution.md': '# Constitution\n',
  '.specify/templates/tasks-template.md': '# Tasks: [FEATURE NAME]\n\n- [ ] T001 Create project structure\n',
  'specs/001-login/spec.md': '# Feature Specification: Login\n',
  'specs/001-login/tasks.md': '# Tasks: Login\n\n- [ ] T001 Create src/login.ts\n',
  'specs/001-login/research.md': '# Research: Login\n',
  'vendor/tasks.md': '# Tasks: Vendor\n\n**Input**: Design documents from `/specs/002/`\n\n- [ ] T001 Do\n',
  '.kiro/specs/auth/requirements.md': '# Requirements\n',
  '.kiro/specs/auth/tasks.md': '# Implementation Plan\n\n- [ ] 1. Set up the auth module\n',
  // Kiro's content signature through a file beside it: numbered tasks next to requirements.md.
  'design/billing/requirements.md': '# Requirements\n',
  'design/billing/tasks.md': '# Billing\n\n- [ ] 1. Add the invoice model\n- [ ] 2. Send invoices\n',
  'design/notes/tasks.md': '# Notes\n\n- [ ] 1. Ask about invoices\n',
  'README.md': '# Project\n\n- [ ] not a task list of a plan\n',
  'notes.md': '# Meeting notes\n\n- [ ] buy milk\n',
};
const PLANS = [
  '.kiro/specs/auth/tasks.md',
  '.plans/cache.plan.md',
  'design/billing/tasks.md',
  'docs/rollout-plan.md',
  'notes/roadmap.md',
  'plan.md',
  'specs/001-login/tasks.md',
  'vendor/tasks.md',
];

describe('one notion of a plan: CLI folder mode, workspace diagnostics, open documents', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  before(async () => {
    ws = tempWorkspace();
    for (const [path, text] of Object.entries(FILES)) {
      mkdirSync(dirname(join(ws.path, path)), { recursive: true });
      ws.write(path, text);
    }
    client = await LspTestClient.start({ pull: true, folders: [ws.path], settings: () => ({}), watchers: true });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  const relative = (uri: string) => uri.slice(fileUri(ws.path).length + 1);

  test('planmark check FOLDER selects the plans', async () => {
    const { targets } = await collectTargets([ws.path], ws.path, DEFAULT_CONFIG);
    assert.deepEqual(targets.map((t) => t.file).sort(), PLANS);
  });

  test('workspace diagnostics report the same files', async () => {
    const report = await client.request<{ items: Array<{ uri: string }> }>('workspace/diagnostic', {
      previousResultIds: [],
    });
    assert.deepEqual(report.items.map((i) => relative(i.uri)).sort(), PLANS);
  });

  test('the Plans view lists the same files', async () => {
    const plans = await client.request<PlanSummary[]>(PlansRequest.method, {});
    assert.deepEqual(plans.map((p) => p.path).sort(), PLANS);
  });

  test('an open document has an outline (Plan view, status bar) exactly when it is one of them', async () => {
    const outlined: string[] = [];
    for (const path of Object.keys(FILES)) {
      const uri = fileUri(join(ws.path, path));
      await client.open(uri, readFileSync(join(ws.path, path), 'utf8'));
      if ((await client.outline(uri, { now: true })) !== null) outlined.push(path);
    }
    assert.deepEqual(outlined.sort(), PLANS);
  });
});
