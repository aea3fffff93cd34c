import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { codeLenses } from '../../src/features/codeLens';
import { foldingRanges } from '../../src/features/folding';
import { hover } from '../../src/features/hover';
import { documentLinks, pathsIn } from '../../src/features/links';
import { definition, prepareRename, references, rename } from '../../src/features/navigation';
import { documentSymbols, workspaceSymbols } from '../../src/features/symbols';
import { files, lines, planDoc, pos, range, URI } from './helpers';

const PLAN = lines(
  '# Login - Implementation Plan',
  '',
  '**Created**: [DATE]',
  '',
  '## Phase 1: Build',
  '',
  '### 1.1 Backend',
  '',
  '- [x] **Task**: T001 Write the API',
  '  - **File**: `src/api.ts`, `src/missing.ts`',
  '  - **Estimate**: 4h',
  '- [ ] **Task**: T002 Write the form',
  '  - **File**: `src/form.ts`',
  '  - **Estimate**: 2h',
  '  - **Dependencies**: T001, Service layer',
  '',
  '## Phase 2: Ship',
  '',
  '- [ ] **Task**: T003 Release [version]',
  '  - **Estimate**: 1d',
  '  - **Dependencies**: T002, t001',
  '',
);
const doc = planDoc(PLAN);
const text = (h: ReturnType<typeof hover>) => (h?.contents as { value: string } | undefined)?.value;
const DOCS = 'https://github.com/planmark/planmark/blob/main/docs/rules.md#';

describe('hover', () => {
  test('a placeholder: what belongs there, the template line, the fix', () => {
    assert.equal(
      text(hover(doc, pos(2, 15)))?.split('\n\n---\n\n')[0],
      '**Placeholder** `[DATE]` before the first section: replace it with the real content. The quick fix writes `2026-11-24`.\n\nThe template has it here:\n- `**Created**: [DATE]`',
    );
    assert.match(
      text(hover(planDoc(lines('# X - Implementation Plan', '', '## Phase 1: A', '', 'Owner: [TODO]')), pos(4, 9)))!,
      /^\*\*Placeholder\*\* `\[TODO\]` in \*\*Phase 1: A\*\*: .*\n\nA generic placeholder/,
    );
  });

  test('a task: state, phase, fields, dependencies and dependents with links to their lines', () => {
    assert.equal(
      text(hover(doc, pos(11, 20))),
      [
        '☐ **T002 Write the form** — Phase 1: Build',
        '- **File**: `src/form.ts`\n- **Estimate**: 2h\n- **Dependencies**: T001, Service layer',
        `Depends on: [T001 Write the API](${URI}#L9)`,
        `Needed by: [T003 Release \\[version\\]](${URI}#L19)`,
      ].join('\n\n'),
    );
  });

  test('a phase heading: done/total, estimate and remaining; a finding: the rule and its documentation', () => {
    assert.equal(text(hover(doc, pos(4, 5))), '**Phase 1: Build** · 1/2 tasks done · 6h estimated, 2h left');
    // The template's Phase 1 without its subsections: the finding on its heading, with the rule's docs.
    const bare = planDoc(lines('# X - Implementation Plan', '', '## Phase 1: Foundation & Contracts', '', '- [ ] a'));
    assert.equal(
      text(hover(bare, pos(2, 5))),
      `**Phase 1: Foundation & Contracts** · 0/1 tasks done\n\n---\n\n**planmark** [\`missing-section\`](${DOCS}missing-section): A section the template requires (a top-level section, or a subsection of a present one) is absent.`,
    );
    assert.match(text(hover(doc, pos(16, 4)))!, /^\*\*Phase 2: Ship\*\* · 0\/1 tasks done · 8h estimated, 8h left$/);
    const open = planDoc(lines('# X - Implementation Plan', '', '## Phase 1: A', '', '- [ ] [TODO] and [TBD]'));
    assert.match(text(hover(open, pos(2, 4)))!, /^\*\*Phase 1: A\*\* · 0\/1 tasks done · 2 open placeholders$/);
  });

  test('the title: the profile the plan is checked with, and why', () => {
    const plan = planDoc(lines('# X - Implementation Plan', '', '## Notes', '', 'Just text.'));
    assert.equal(
      text(hover(plan, pos(0, 4)))?.split('\n')[0],
      'Checked as **reference template** (`reference`): no path was given to detect a profile from. Schema: the built-in reference template.',
    );
  });

  test('plain prose has no hover', () => {
    assert.equal(hover(planDoc(lines('# X - Implementation Plan', '', '## Notes', '', 'Just text.')), pos(4, 3)), null);
  });
});

describe('symbols and folding', () => {
  test('document symbols: phases → subsections → task blocks, state and estimate in detail', () => {
    const task = (name: string, detail: string, r: number[], s: number[]) => ({
      name,
      detail,
      kind: 24,
      range: range(r[0], r[1], r[2], r[3]),
      selectionRange: range(s[0], s[1], s[2], s[3]),
    });
    assert.deepEqual(documentSymbols(doc), [
      {
        name: 'Phase 1: Build',
        kind: 2,
        range: range(4, 0, 16, 0),
        selectionRange: range(4, 0, 4, 17),
        children: [
          {
            name: '1.1 Backend',
            kind: 3,
            range: range(6, 0, 16, 0),
            selectionRange: range(6, 0, 6, 15),
            children: [
              task('T001 Write the API', '☑ done · 4h', [8, 0, 10, 20], [8, 16, 8, 34]),
              task('T002 Write the form', '☐ open · 2h', [11, 0, 14, 41], [11, 16, 11, 35]),
            ],
          },
        ],
      },
      {
        name: 'Phase 2: Ship',
        kind: 2,
        range: range(16, 0, 21, 0),
        selectionRange: range(16, 0, 16, 16),
        children: [task('T003 Release [version]', '☐ open · 8h', [18, 0, 20, 32], [18, 16, 18, 38])],
      },
    ]);
  });

  test("workspace symbols: tasks whose name has the query's letters in order", () => {
    assert.deepEqual(workspaceSymbols(doc, 'wf'), [
      {
        name: 'T002 Write the form',
        kind: 24,
        location: { uri: URI, range: range(11, 2, 11, 35) },
        containerName: 'Phase 1: Build',
      },
    ]);
    assert.equal(workspaceSymbols(doc, '').length, 3);
  });

  test('folding: sections to their last non-blank line, and multi-line task blocks', () => {
    assert.deepEqual(foldingRanges(doc), [
      { startLine: 4, endLine: 14 },
      { startLine: 6, endLine: 14 },
      { startLine: 8, endLine: 10 },
      { startLine: 11, endLine: 14 },
      { startLine: 16, endLine: 20 },
      { startLine: 18, endLine: 20 },
    ]);
  });

  test('code lens above each phase with tasks; off by setting', () => {
    assert.deepEqual(codeLenses(doc), [
      { range: range(4, 0, 4, 17), command: { title: '1/2 done · 6h estimated · 2h left', command: '' } },
      { range: range(16, 0, 16, 16), command: { title: '0/1 done · 8h estimated · 8h left', command: '' } },
    ]);
    assert.deepEqual(codeLenses(planDoc(PLAN, { codeLens: false })), []);
    const unestimated = planDoc(lines('# X - Implementation Plan', '', '## Phase 1: A', '', '- [x] one', '- [ ] two'));
    assert.deepEqual(
      codeLenses(unestimated).map((l) => l.command?.title),
      ['1/2 done'],
    );
  });
});

describe('navigation', () => {
  test('definition: from a Dependencies entry to the task it names (an unresolved one goes nowhere)', () => {
    assert.deepEqual(definition(doc, pos(14, 23)), { uri: URI, range: range(8, 2, 8, 34) });
    assert.equal(definition(doc, pos(14, 30)), null);
    const section = planDoc(
      lines(
        '# X - Implementation Plan',
        '',
        '## Phase 1: A',
        '',
        '#### Service Layer',
        '',
        '- [ ] **Task**: B',
        '  - **Dependencies**: Service layer',
      ),
    );
    assert.deepEqual(definition(section, pos(7, 24)), { uri: URI, range: range(4, 0, 4, 18) });
  });

  test("references: the task's id and every entry naming it, by id in any case", () => {
    const expected = [range(8, 16, 8, 20), range(14, 22, 14, 26), range(20, 28, 20, 32)].map((r) => ({
      uri: URI,
      range: r,
    }));
    assert.deepEqual(references(doc, pos(8, 17), true), expected);
    assert.deepEqual(references(doc, pos(20, 29), false), expected.slice(1));
  });

  test('rename: a task id and every reference to it; a bad or taken id is refused', () => {
    assert.equal(prepareRename(doc, pos(20, 27)), null, 'between entries');
    assert.deepEqual(prepareRename(doc, pos(20, 29)), { range: range(20, 28, 20, 32), placeholder: 'T001' });
    assert.deepEqual(rename(doc, pos(20, 29), 'A-1'), {
      changes: {
        [URI]: [range(8, 16, 8, 20), range(14, 22, 14, 26), range(20, 28, 20, 32)].map((r) => ({
          range: r,
          newText: 'A-1',
        })),
      },
    });
    assert.deepEqual(rename(doc, pos(8, 17), 'T002'), { error: 'Another task already has the id T002.' });
    assert.deepEqual(rename(doc, pos(8, 17), 'two words'), {
      error: '"two words" is not a task id: use letters and digits such as T001, TASK-7 or 2.1.',
    });
    assert.deepEqual(rename(doc, pos(9, 5), 'T9'), {
      error: 'Only a task id (such as T001 or 2.1) can be renamed here.',
    });
  });
});

describe('document links', () => {
  test('File and Tests paths that exist become links; missing ones do not', () => {
    assert.deepEqual(documentLinks(doc, files('src/api.ts', 'src/form.ts')), [
      { range: range(9, 15, 9, 25), target: 'file:///ws/src/api.ts', tooltip: 'Open src/api.ts' },
      { range: range(12, 15, 12, 26), target: 'file:///ws/src/form.ts', tooltip: 'Open src/form.ts' },
    ]);
  });

  test('paths are read in backticks or bare, with a line suffix, never placeholders or URLs', () => {
    assert.deepEqual(pathsIn('`a/b.ts`, c.md:12, [list files], https://x.y/z, `apps/[feature].ts`, none'), [
      { path: 'a/b.ts', offset: 1 },
      { path: 'c.md', offset: 10 },
    ]);
  });
});
