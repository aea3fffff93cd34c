import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { completion } from '../../src/features/completion';
import { NO_FILES, type PlanDocument } from '../../src/features/document';
import { SPEC_KIT_PLAN_TEMPLATE } from '../profileTexts';
import { lines, pos, profiledDoc, range } from './helpers';

// Completion speaks the plan's format: spec-kit's next free T-id with [P]/[USn], Kiro's
// next number and requirements.md's criteria, a checklist's plain item; heading and field
// completion offer only what the profile's schema has.

const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const at = async (doc: PlanDocument, line: number, character: number, snippets = true) =>
  (await completion(doc, pos(line, character), NO_FILES, { snippets }))?.items ?? [];
const crlf = (text: string) => text.replace(/\n/g, '\r\n');

const SPEC_KIT = lines(
  '# Tasks: Shared notes',
  '',
  '**Input**: Design documents from `/specs/004-shared-notes/`',
  '',
  '## Phase 1: Setup',
  '',
  '- [ ] T001 Create the module folders',
  '- [ ] T003 [P] Configure linting',
  '- ',
  '',
  '## Phase 3: User Story 2 - Share a note',
  '',
  '- [ ] T002 [US2] Link model in `src/share/link.ts`',
  '- [ ] T010 [P] [US2] Link tests (depends on T002, T0',
  '  ta',
  '',
  '## Phase 4: Polish',
  '',
  'T011 Docs, written without a checkbox',
  '',
  '## ',
);
const SPEC_KIT_PATH = 'specs/004-shared-notes/tasks.md';

describe('completion in a spec-kit tasks.md', () => {
  const doc = profiledDoc(SPEC_KIT, SPEC_KIT_PATH);

  test('the plan is checked as spec-kit tasks', () => {
    assert.equal(doc.analysis.profile?.id, 'spec-kit-tasks');
  });

  test('in a user-story phase: the next free id (above every id, even one without a checkbox) with its [USn], with and without [P]', async () => {
    const items = await at(doc, 14, 4);
    assert.deepEqual(
      items.map((i) => [i.label, edit(i).newText]),
      [
        ['task', '- [ ] T012 [US2] $0'],
        ['task [P]', '- [ ] T012 [P] [US2] $0'],
      ],
    );
    // The whole line after its indentation is replaced.
    assert.deepEqual(edit(items[0]).range, range(14, 2, 14, 4));
    assert.equal(items[0].insertTextFormat, 2);
  });

  test('in a Setup phase: no story label', async () => {
    assert.deepEqual(
      (await at(doc, 8, 2)).map((i) => edit(i).newText),
      ['- [ ] T012 $0', '- [ ] T012 [P] $0'],
    );
  });

  test('the id keeps the plan’s width; the first task of an empty plan is T001', async () => {
    const wide = profiledDoc(lines('# Tasks: X', '', '## Phase 1: Setup', '', '- [ ] T0099 One', '- '), SPEC_KIT_PATH);
    assert.equal(edit((await at(wide, 5, 2))[0]).newText, '- [ ] T0100 $0');
    const empty = profiledDoc(lines('# Tasks: X', '', '## Phase 2: User Story 1 - Sign in', '', '- '), SPEC_KIT_PATH, {
      specKit: true,
    });
    assert.equal(edit((await at(empty, 4, 2))[0]).newText, '- [ ] T001 [US1] $0');
  });

  test('in a phase of several stories: the story is a choice; without snippets no label is guessed', async () => {
    const doc = profiledDoc(
      lines('# Tasks: X', '', '## Phase 3: User Stories 2 & 3 - Share', '', '- [ ] T001 [US2] One', '- '),
      SPEC_KIT_PATH,
      { specKit: true },
    );
    assert.deepEqual(
      (await at(doc, 5, 2)).map((i) => edit(i).newText),
      ['- [ ] T002 ${1|[US2],[US3]|} $0', '- [ ] T002 [P] ${1|[US2],[US3]|} $0'],
    );
    assert.deepEqual(
      (await at(doc, 5, 2, false)).map((i) => edit(i).newText),
      ['- [ ] T002 ', '- [ ] T002 [P] '],
    );
  });

  test('CRLF and no snippet support: the same line, as plain text', async () => {
    const items = await at(profiledDoc(crlf(SPEC_KIT), SPEC_KIT_PATH), 14, 4, false);
    assert.deepEqual(
      items.map((i) => [edit(i).newText, i.insertTextFormat]),
      [
        ['- [ ] T012 [US2] ', 1],
        ['- [ ] T012 [P] [US2] ', 1],
      ],
    );
    assert.deepEqual(edit(items[0]).range, range(14, 2, 14, 4));
  });

  test('"(depends on T002, T0|": the plan’s task ids, not the task itself', async () => {
    const end = SPEC_KIT.split('\n')[13].length;
    const items = await at(doc, 13, end);
    assert.deepEqual(
      items.map((i) => i.label),
      ['T001', 'T003', 'T002'],
    );
    assert.deepEqual(edit(items[0]), { range: range(13, end - 2, 13, end), newText: 'T001' });
  });

  test('"[" after a task’s id: [P] and the phase’s story label, only what is not written yet', async () => {
    const tags = profiledDoc(
      lines(
        '# Tasks: X',
        '',
        '## Phase 3: User Story 2 - Share',
        '',
        '- [ ] T001 [',
        '- [ ] T002 [P] [',
        '- [ ] T003 [US2] [',
        '',
        '## Phase 1: Setup',
        '',
        '- [ ] T004 [',
        '- [',
      ),
      SPEC_KIT_PATH,
      { specKit: true },
    );
    const labels = async (line: number, character: number) => (await at(tags, line, character)).map((i) => i.label);
    assert.deepEqual(await labels(4, 12), ['[P]', '[US2]']);
    assert.deepEqual(await labels(5, 16), ['[US2]']);
    assert.deepEqual(await labels(6, 18), []);
    assert.deepEqual(await labels(10, 12), ['[P]']);
    assert.deepEqual(edit((await at(tags, 4, 12))[1]), { range: range(4, 11, 4, 12), newText: '[US2]' });
    assert.deepEqual(await labels(11, 3), [], 'a checkbox typed by hand is not interrupted');
  });

  test('"depends on" in prose outside a task offers nothing', async () => {
    const prose = profiledDoc(lines('# Tasks: X', '', '- [ ] T001 One', '', 'This depends on T0'), SPEC_KIT_PATH);
    assert.deepEqual(await at(prose, 4, 18), []);
  });

  test('"## ": the format’s sections the plan lacks, "Phase N" numbered on, none standing for many phases', async () => {
    const items = await at(doc, 20, 3);
    assert.deepEqual(
      items.map((i) => i.label),
      ['Path Conventions', 'Phase 5: Foundational', 'Dependencies & Execution Order', 'Implementation Strategy'],
    );
    assert.equal(edit(items[1]).newText, 'Phase 5: Foundational$0');
  });
});

describe('completion in a spec-kit plan.md', () => {
  test('"## ": the plan’s required sections from the spec-kit schema, heading only', async () => {
    const doc = profiledDoc(
      lines(
        '# Implementation Plan: Shared notes',
        '',
        '**Branch**: `004-shared-notes`',
        '',
        '## Summary',
        '',
        'x',
        '',
        '## ',
      ),
      'specs/004-shared-notes/plan.md',
    );
    assert.equal(doc.analysis.profile?.id, 'spec-kit-plan');
    const items = await at(doc, 8, 3);
    assert.deepEqual(
      items.map((i) => [i.label, edit(i).newText, i.detail]),
      [
        ['Technical Context', 'Technical Context$0', 'Required section of the built-in spec-kit-plan schema'],
        ['Constitution Check', 'Constitution Check$0', 'Required section of the built-in spec-kit-plan schema'],
        ['Project Structure', 'Project Structure$0', 'Required section of the built-in spec-kit-plan schema'],
        ['Complexity Tracking', 'Complexity Tracking$0', 'Optional section of the built-in spec-kit-plan schema'],
        ['Progress Tracking', 'Progress Tracking$0', 'Optional section of the built-in spec-kit-plan schema'],
      ],
    );
  });
});

describe('completion in a spec-kit plan.md with the repository’s template', () => {
  test('"## ": the template’s sections the plan lacks, with the template’s body, its placeholders as tab stops', async () => {
    const doc = profiledDoc(
      lines('# Implementation Plan: Notes', '', '**Branch**: `004-notes`', '', '## Summary', '', 'x', '', '## '),
      'specs/004-notes/plan.md',
      {
        specKit: true,
        templates: { 'spec-kit-plan': { path: '.specify/templates/plan-template.md', text: SPEC_KIT_PLAN_TEMPLATE } },
      },
    );
    const items = await at(doc, 8, 3);
    assert.deepEqual(
      items.map((i) => [i.label, edit(i).newText]),
      [
        ['Technical Context', 'Technical Context$0\n\n**Language/Version**: ${1:[LANGUAGE]}\n'],
        ['Rollout', 'Rollout$0\n\nFlags: ${1:[FLAGS]}\n'],
      ],
    );
  });
});

const KIRO = lines(
  '# Implementation Plan',
  '',
  '- [x] 1. Lay out the sharing module',
  '  - _Requirements: 1.1, _',
  '',
  '- [ ] 2. Build share links',
  '  - [x] 2.1 Create the link model',
  '  - [ ] 2.2 Invalidate links',
  '  - ',
  '',
  '- ',
);
const KIRO_PATH = '.kiro/specs/sharing/tasks.md';
const REQUIREMENTS = lines(
  '# Requirements',
  '',
  '### Requirement 1: Sharing',
  '',
  '#### Acceptance Criteria',
  '',
  '1. WHEN the writer shares a note THEN the service SHALL create a link',
  '2. WHEN the link is opened THEN the service SHALL show the note',
  '',
  '### Requirement 2: Comments',
  '',
  '1. WHEN a reader comments THEN the writer SHALL be notified',
);

describe('completion in a Kiro tasks.md', () => {
  const withRequirements = profiledDoc(KIRO, KIRO_PATH, { siblings: { 'requirements.md': REQUIREMENTS } });
  const alone = profiledDoc(KIRO, KIRO_PATH);

  test('at the margin: the next top-level number; without requirements.md, the task line alone', async () => {
    assert.equal(alone.analysis.profile?.id, 'kiro-tasks');
    const items = await at(alone, 10, 2);
    assert.deepEqual(
      items.map((i) => [i.label, edit(i).newText]),
      [['task', '- [ ] 3. $0']],
    );
  });

  test('indented under task 2: sub-task 2.3', async () => {
    assert.equal(edit((await at(alone, 8, 4))[0]).newText, '- [ ] 2.3 $0');
  });

  test('with requirements.md beside it: a _Requirements:_ line choosing among its criteria, indented under the task', async () => {
    assert.equal(
      edit((await at(withRequirements, 8, 4))[0]).newText,
      '- [ ] 2.3 $1\n    - _Requirements: ${2|1.1,1.2,2.1|}_$0',
    );
    assert.equal(
      edit((await at(withRequirements, 10, 2))[0]).newText,
      '- [ ] 3. $1\n  - _Requirements: ${2|1.1,1.2,2.1|}_$0',
    );
    const windows = profiledDoc(crlf(KIRO), KIRO_PATH, { siblings: { 'requirements.md': REQUIREMENTS } });
    assert.equal(edit((await at(windows, 10, 2))[0]).newText, '- [ ] 3. $1\r\n  - _Requirements: ${2|1.1,1.2,2.1|}_$0');
    // Without snippets, no number is chosen for the author: the task line alone.
    assert.equal(edit((await at(withRequirements, 10, 2, false))[0]).newText, '- [ ] 3. ');
  });

  test('"_Requirements: 1.1, |": the criteria not cited yet, with what each says', async () => {
    const items = await at(withRequirements, 3, 24);
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [
        ['1.2', 'WHEN the link is opened THEN the service SHALL show the note'],
        ['2.1', 'WHEN a reader comments THEN the writer SHALL be notified'],
      ],
    );
    assert.deepEqual(edit(items[0]).range, range(3, 24, 3, 24));
  });

  test('"## ": no section schema, nothing to offer', async () => {
    const doc = profiledDoc(lines('# Implementation Plan', '', '- [ ] 1. One', '', '## '), KIRO_PATH);
    assert.deepEqual(await at(doc, 4, 3), []);
  });
});

describe('completion in a checklist plan', () => {
  test('a plain checkbox item, numbered on from the task before it, skipping ids in use', async () => {
    const doc = profiledDoc(
      lines('# Release checklist', '', '## Backlog', '', '- [ ] API-7 Report endpoint', '- ', '- [ ] API-8 Later'),
      'docs/release.md',
    );
    assert.equal(doc.analysis.profile?.id, 'checklist');
    assert.deepEqual(
      (await at(doc, 5, 2)).map((i) => [i.label, edit(i).newText]),
      [['task', '- [ ] API-9 $0']],
    );
  });

  test('without ids: "- [ ] " and nothing else; no reference task fields', async () => {
    const doc = profiledDoc(lines('# Release checklist', '', '- [ ] Ship it', '  - ', '- '), 'docs/release.md');
    assert.deepEqual(
      (await at(doc, 4, 2)).map((i) => edit(i).newText),
      ['- [ ] $0'],
    );
    assert.ok(!(await at(doc, 3, 4)).some((i) => String(i.label).startsWith('**')));
  });
});
