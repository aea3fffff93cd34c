// Profiles: detection in its stages (configuration, convention, content, the reference
// template, the checklist fallback), the rules each profile runs, and a repository's
// template read as the schema (a section the team added is required).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanEngine, RULE_IDS, resolveConfig } from '../../src/engine';
import { TEMPLATE_TEXT, lines } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);
const TASKS = lines('# Tasks: Login', '', '**Input**: Design documents from `/specs/001-login/`', '');
const PLAN = lines('# Implementation Plan: Login', '', '**Branch**: `001-login` | **Date**: 2026-01-02', '');

test('detection: the spec-kit convention needs .specify/ and specs/<feature>/', () => {
  const text = '# Whatever\n\n- [ ] T001 Do it\n';
  assert.equal(engine.detect('specs/001-login/tasks.md', text, { specKit: true }).id, 'spec-kit-tasks');
  assert.equal(engine.detect('docs/specs/001-login/plan.md', text, { specKit: true }).id, 'spec-kit-plan');
  assert.equal(engine.detect('specs/001-login/tasks.md', text, {}).id, 'checklist');
  assert.match(engine.detect('specs/001-login/tasks.md', text, { specKit: true }).reason, /\.specify\//);
  // A repository that uses spec-kit and Kiro: Kiro's specs folder is Kiro's.
  assert.equal(engine.detect('.kiro/specs/login/tasks.md', text, { specKit: true, kiro: true }).id, 'kiro-tasks');
});

test('detection: content signatures without the repository layout', () => {
  assert.equal(engine.detect('tasks.md', TASKS).id, 'spec-kit-tasks');
  assert.equal(engine.detect('x.md', '# Tasks: Login\n\n- [ ] T001 Set up\n').id, 'spec-kit-tasks');
  assert.equal(engine.detect('plan.md', PLAN).id, 'spec-kit-plan');
  // A title alone is no signature.
  assert.equal(engine.detect('plan.md', '# Implementation Plan: Login\n\nText.\n').id, 'checklist');
  assert.equal(engine.detect('tasks.md', '# Tasks: Login\n\n- [ ] Set up\n').id, 'checklist');
});

test('detection: the reference profile only for plans that follow the template', () => {
  const follows = engine.detect('a-plan.md', '# Login - Implementation Plan\n\n**Status**: Planning\n');
  assert.deepEqual([follows.id, /title and metadata/.test(follows.reason)], ['reference', true]);
  const sections = lines('# Notes', '', '## Executive Summary', 'x', '## Phase 0: Research', 'x', '## Phase 1: A', 'x');
  assert.equal(engine.detect('p.md', sections).id, 'checklist', '3 of 13 sections is not most');
  assert.equal(engine.detect('p.md', '# Login - Implementation Plan\n\nNo metadata.\n').id, 'checklist');
});

test('detection: configuration wins, and a team template makes reference the fallback', () => {
  const { config, problems } = resolveConfig(
    { profiles: [{ files: ['specs/**/tasks.md'], profile: 'checklist' }] },
    RULE_IDS,
  );
  assert.deepEqual(problems, []);
  const configured = new PlanEngine(TEMPLATE_TEXT, config);
  const choice = configured.detect('specs/001/tasks.md', TASKS, { specKit: true });
  assert.deepEqual([choice.id, choice.entry], ['checklist', 0]);
  assert.match(choice.reason, /\.planmarkrc\.json/);
  const team = new PlanEngine('# [X] - Plan\n\n## Goals\n[Goals]\n', undefined, 'docs/template.md');
  assert.deepEqual(team.detect('notes.md', '# Anything\n'), {
    id: 'reference',
    reason: "the team's template (docs/template.md) is the schema",
  });
});

test('configuration: profiles entries are validated', () => {
  const bad = resolveConfig({ profiles: [{ files: ['x'], profile: 'nope' }] }, RULE_IDS);
  assert.equal(bad.problems.length, 1);
  assert.match(bad.problems[0].message, /profiles: expected/);
  const badRegex = resolveConfig({ profiles: [{ profile: 'reference', taskId: '(' }] }, RULE_IDS);
  assert.equal(badRegex.problems.length, 1);
});

test('without a path the reference profile runs (the engine API as before)', () => {
  const analysis = engine.analyze('# Notes\n');
  assert.equal(analysis.profile?.id, 'reference');
  assert.ok(analysis.findings.some((f) => f.rule === 'missing-section'));
});

test('the checklist profile runs only the universal rules', () => {
  const analysis = engine.analyze('# Notes\n\n-[ ] broken\n', { path: 'notes.md' });
  assert.equal(analysis.profile?.id, 'checklist');
  assert.deepEqual(
    analysis.findings.map((f) => f.rule),
    ['malformed-checkbox'],
  );
  assert.equal(analysis.outline.profile?.id, 'checklist');
});

test("a repository's template is the schema: a section the team added is required, built-in ones as the profile says", () => {
  const template = lines(
    '# Tasks: [FEATURE]',
    '',
    '## Phase 1: Setup',
    '- [ ] T001 [P] Create [thing]',
    '## Phase 3: User Story 1 - [Title]',
    '- [ ] T002 [US1] Build [thing]',
    '## Phase 4: User Story 2 - [Title]',
    '## Security Review',
    'Who reviewed it.',
    '## Notes',
    '',
  );
  const facts = {
    specKit: true,
    templates: { 'spec-kit-tasks': { path: '.specify/templates/tasks-template.md', text: template } },
  };
  const plan = lines('# Tasks: Login', '', '## Phase 1: Setup', '- [ ] T001 Create app', '');
  const analysis = engine.analyze(plan, { path: 'specs/001-login/tasks.md', facts });
  assert.equal(analysis.profile?.schemaSource, '.specify/templates/tasks-template.md');
  assert.deepEqual(
    analysis.findings.map((f) => [f.rule, f.message]),
    [['missing-section', 'Missing section "## Security Review" in this plan; the template requires it.']],
  );
  // The repository's plans carry it: still required. None carries it: guidance for the writer.
  const withCarried = (carried: string[]) => ({
    ...facts,
    templates: { 'spec-kit-tasks': { ...facts.templates['spec-kit-tasks'], carried } },
  });
  const missing = (carried: string[]) =>
    engine
      .analyze(plan, { path: 'specs/001-login/tasks.md', facts: withCarried(carried) })
      .findings.filter((f) => f.rule === 'missing-section').length;
  assert.equal(missing(['Phase 1: Setup', 'Security Review ✅']), 1);
  assert.equal(missing(['Phase 1: Setup', 'Notes']), 0);
  // [P] and [US1] are task markers, not placeholders of the template.
  const schema = engine.resolveProfile({ id: 'spec-kit-tasks', reason: '' }, facts).schema;
  assert.ok(!schema.placeholders.has('[P]') && !schema.placeholders.has('[US1]'));
  assert.ok(schema.placeholders.has('[thing]'));
});

test('profile settings: a section made optional is not asked for', () => {
  const { config } = resolveConfig(
    { profiles: [{ profile: 'reference', sections: { 'Executive Summary': { required: false } } }] },
    RULE_IDS,
  );
  const relaxed = new PlanEngine(TEMPLATE_TEXT, config);
  const missing = (e: PlanEngine) =>
    e.analyze('# X\n').findings.filter((f) => f.rule === 'missing-section' && f.message.includes('Executive Summary'));
  assert.equal(missing(engine).length, 1);
  assert.equal(missing(relaxed).length, 0);
});

test('spec-kit: template phases are examples, legacy and legend sections are kept as written', () => {
  const template = lines(
    '# Tasks: [FEATURE]',
    '',
    '## Format: `[ID] [P?] [Story] Description`',
    '- **[Story]**: the user story',
    '## Phase 1: Setup',
    '- [ ] T001 Create [thing]',
    '## Phase N: Polish & Cross-Cutting Concerns',
    '- [ ] TXXX Clean up',
    '## Task Generation Rules',
    'Applied by the generator.',
    '',
  );
  const facts = {
    specKit: true,
    templates: { 'spec-kit-tasks': { path: '.specify/templates/tasks-template.md', text: template } },
  };
  const plan = lines(
    '# Tasks: Login',
    '',
    '## Format: `[ID] [P?] [Story] Description`',
    '- **[Story]**: the user story',
    '## Phase 1: Setup',
    '- [ ] T001 Create [thing]',
    '',
  );
  const analysis = engine.analyze(plan, { path: 'specs/001-login/tasks.md', facts });
  // Only the placeholder outside the legend; no Polish phase or generator rules asked for.
  assert.deepEqual(
    analysis.findings.map((f) => [f.rule, f.range.start.line + 1]),
    [['unfilled-placeholder', 6]],
  );
});

test('detection: Kiro by its folder, or by numbered tasks that cite requirements', () => {
  const text = lines('# Implementation Plan', '', '- [ ] 1. Set up', '  - _Requirements: 1.1_', '');
  assert.equal(engine.detect('.kiro/specs/login/tasks.md', '# Anything\n', { kiro: true }).id, 'kiro-tasks');
  assert.equal(engine.detect('notes/tasks.md', text).id, 'kiro-tasks');
  assert.match(engine.detect('notes/tasks.md', text).reason, /cite requirements/);
  // Numbered tasks alone are any checklist; a requirements.md beside them makes them Kiro's.
  const numbered = lines('# Plan', '', '- [ ] 1. Set up', '- [ ] 2. Build', '');
  assert.equal(engine.detect('plan.md', numbered).id, 'checklist');
  assert.equal(engine.detect('plan.md', numbered, { siblings: { 'requirements.md': '# R\n' } }).id, 'kiro-tasks');
});

test('kiro-tasks: optional and in-progress tasks are tracked, never malformed', () => {
  const text = lines('# Implementation Plan', '', '- [-] 1. Build', '  - [x] 1.1 Model', '  - [ ]* 1.2 Tests', '');
  const analysis = engine.analyze(text, { path: '.kiro/specs/a/tasks.md', facts: { kiro: true } });
  assert.equal(analysis.profile?.id, 'kiro-tasks');
  assert.deepEqual(analysis.findings, []);
  assert.deepEqual(
    analysis.model?.tasks.map((t) => [t.state, t.optional]),
    [
      ['in-progress', false],
      ['done', false],
      ['open', true],
    ],
  );
});

test('a detected schema the plan mostly does not follow (a translated plan) is not listed back as missing sections', () => {
  const translated = lines(
    '# 구현 계획: 데이터 저장소',
    '',
    '**Branch**: `015-data-store` | **Spec**: spec.md',
    '',
    '## 요약',
    'x',
    '## 기술 컨텍스트',
    'x',
    '## 프로젝트 구조',
    'x',
    '- [ ] -[ ] broken',
    '',
  );
  const analysis = engine.analyze(translated, { path: 'specs/015-data-store/plan.md', facts: { specKit: true } });
  assert.equal(analysis.profile?.id, 'spec-kit-plan');
  assert.match(analysis.profile.reason, /0 of 4 required sections\), so its sections are not checked/);
  assert.deepEqual(
    analysis.findings.map((f) => f.rule),
    [],
  );
  // Half the schema's sections: a plan of the format with sections missing, reported.
  const partial = lines(
    '# Implementation Plan: Login',
    '',
    '## Summary',
    'x',
    '## Technical Context',
    'x',
    '## 기타',
    'x',
    '',
  );
  const found = engine.analyze(partial, { path: 'specs/001-login/plan.md', facts: { specKit: true } });
  assert.deepEqual(
    found.findings.filter((f) => f.rule === 'missing-section').map((f) => /"## (.*?)"/.exec(f.message)?.[1]),
    ['Constitution Check', 'Project Structure'],
  );
  // A profile the configuration assigns is always held to its sections.
  const forced = engine.analyze(translated, { profile: { id: 'spec-kit-plan', reason: 'flag' } });
  assert.equal(forced.findings.filter((f) => f.rule === 'missing-section').length, 4);
});

test('phases that share only their numbers with the template do not count as following it', () => {
  // The reference title and metadata, but the plan's own structure: phases 1-5 by number only.
  const own = lines(
    '# App Library - Implementation Plan',
    '',
    '**Feature**: App Library',
    '**Status**: Planning',
    '',
    '## Overview',
    'x',
    '## Phase 1: Database (Week 1)',
    '- [ ] Create the schema',
    '## Phase 2: Backend API (Week 2)',
    '- [ ] Build the routes',
    '## Phase 3: Admin Interface (Week 3)',
    '- [ ] Build the console',
    '## Phase 4: User Library (Week 4)',
    '- [ ] Build the library',
    '## Phase 5: Analytics (Week 5)',
    '- [ ] Count the launches',
    '## Deployment Plan',
    'x',
    '',
  );
  const analysis = engine.analyze(own, { path: 'docs/app-library-plan.md' });
  assert.equal(analysis.profile?.id, 'reference');
  assert.match(analysis.profile.reason, /0 of \d+ required sections\), so its sections are not checked/);
  assert.deepEqual(
    analysis.findings.filter((f) => f.rule === 'missing-section'),
    [],
  );
  // The same plan with the template's phase names follows it: what it lacks is reported.
  const named = own
    .replace('Phase 1: Database', 'Phase 1: Foundation & Contracts')
    .replace('Phase 2: Backend API', 'Phase 2: Implementation Tasks')
    .replace('Phase 3: Admin Interface', 'Phase 3: Testing Strategy')
    .replace('Phase 4: User Library', 'Phase 4: Documentation')
    .replace('Phase 5: Analytics', 'Phase 5: Deployment & Monitoring');
  const held = engine.analyze(named, { path: 'docs/app-library-plan.md' });
  assert.doesNotMatch(held.profile?.reason ?? '', /not checked/);
  assert.ok(
    held.findings.some((f) => f.rule === 'missing-section' && f.message.includes('"### 1.1 Data Model Design"')),
  );
});
