import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { CompletionItem, TextEdit } from 'vscode-languageserver';
import { completion, increment } from '../../src/features/completion';
import { NO_FILES } from '../../src/features/document';
import { files, lines, planDoc, pos, range } from './helpers';

const PLAN = lines(
  '# Login - Implementation Plan',
  '',
  '**Status**: Plan',
  '',
  '## Executive Summary',
  '',
  '### Feature Overview',
  'Log in.',
  '',
  '## Phase 1: Build',
  '',
  '- [ ] **Task**: T0007 Write the form',
  '  - **File**: `src/form.ts`',
  '  - **Dependencies**: T0',
  '  - **Es',
  '- [x] **Task**: T0008 Style it',
  '  - **Estimate**: 1h',
  '',
  '## ',
  '',
  '- ',
);

const doc = planDoc(PLAN);
const complete = async (line: number, character: number, ws = NO_FILES, snippets = true) =>
  (await completion(doc, pos(line, character), ws, { snippets }))?.items ?? null;
const edit = (item: CompletionItem) => item.textEdit as TextEdit;

describe('completion', () => {
  test('after "## ": the missing top-level sections in template order, each with its skeleton as a snippet', async () => {
    const items = (await complete(18, 3))!;
    assert.deepEqual(
      items.slice(0, 3).map((i) => i.label),
      ['Phase 0: Research & Analysis', 'Phase 2: Implementation Tasks', 'Phase 3: Testing Strategy'],
    );
    assert.ok(!items.some((i) => i.label === 'Executive Summary' || i.label === 'Phase 1: Foundation & Contracts'));
    assert.equal(items.at(-1)!.label, 'Appendix');
    const phase0 = items[0];
    assert.equal(phase0.insertTextFormat, 2);
    assert.deepEqual(edit(phase0).range, range(18, 3, 18, 3));
    assert.match(
      edit(phase0).newText,
      /^Phase 0: Research & Analysis\$0\n\n### Technical Research\n- \[ \] Research existing/,
    );
    assert.match(edit(phase0).newText, /\| \$\{1:\[Risk 1\]\} \| High\/Med\/Low/);
  });

  test('after "### " inside a section: its missing template subsections only', async () => {
    const text = lines(
      '# Login - Implementation Plan',
      '',
      '## Executive Summary',
      '',
      '### Feature Overview',
      'x',
      '',
      '### ',
    );
    const items = (await completion(planDoc(text), pos(7, 4), NO_FILES))!.items;
    assert.deepEqual(
      items.map((i) => i.label),
      ['Implementation Approach', 'Success Criteria'],
    );
    assert.equal(
      edit(items[1]).newText,
      'Success Criteria$0\n- ${1:[Criterion 1]}\n- ${2:[Criterion 2]}\n- ${3:[Criterion 3]}\n',
    );
  });

  test('without snippet support the heading alone is inserted', async () => {
    const [first] = (await complete(18, 3, NO_FILES, false))!;
    assert.equal(edit(first).newText, 'Phase 0: Research & Analysis');
    assert.equal(first.insertTextFormat, 1);
  });

  test('in a task block: the fields it lacks, as snippets with tab stops', async () => {
    const items = (await complete(14, 7))!;
    assert.deepEqual(
      items.map((i) => [i.label, edit(i).newText]),
      [
        ['**Estimate**:', '**Estimate**: $1'],
        ['**Tests**:', '**Tests**: `$1`'],
      ],
    );
    assert.deepEqual(edit(items[0]).range, range(14, 4, 14, 7));
  });

  test('in Dependencies: the other tasks, ids first, replacing the entry being typed', async () => {
    const items = (await complete(13, 24))!;
    assert.deepEqual(
      items.map((i) => [i.label, i.detail]),
      [['T0008', 'T0008 Style it']],
    );
    assert.deepEqual(edit(items[0]), { range: range(13, 22, 13, 24), newText: 'T0008' });
  });

  test('in Status: the allowed values, replacing the whole value', async () => {
    const items = (await complete(2, 16))!;
    assert.deepEqual(
      items.map((i) => i.label),
      ['Planning', 'In Progress', 'In Review', 'Blocked', 'Complete', 'Cancelled'],
    );
    assert.deepEqual(edit(items[0]), { range: range(2, 12, 2, 16), newText: 'Planning' });
  });

  test('in File / Tests: workspace files matching what is typed, inside the backticks', async () => {
    const items = (await complete(12, 18, files('src/form.ts', 'src/fo.css', 'README.md')))!;
    assert.deepEqual(
      items.map((i) => edit(i)),
      [
        { range: range(12, 15, 12, 18), newText: 'src/form.ts' },
        { range: range(12, 15, 12, 18), newText: 'src/fo.css' },
      ],
    );
    assert.deepEqual(await complete(12, 18), [], 'a virtual workspace has no files');
  });

  test('"task" at a list position inserts a task block numbered after the previous task', async () => {
    const [item] = (await complete(20, 2))!;
    assert.equal(item.label, 'task');
    assert.deepEqual(edit(item), {
      range: range(20, 0, 20, 2),
      newText:
        '- [ ] **Task**: T0009 ${1:title}\n  - **File**: `$2`\n  - **Estimate**: $3\n  - **Dependencies**: ${4:None}\n  - **Tests**: `$5`$0',
    });
    const unnumbered = planDoc(
      lines('# Login - Implementation Plan', '', '## Phase 1: Build', '', '- [ ] **Task**: Write it', '', 'ta'),
    );
    const [plain] = (await completion(unnumbered, pos(6, 2), NO_FILES))!.items;
    assert.match(edit(plain).newText, /^- \[ \] \*\*Task\*\*: \$\{1:title\}\n/);
  });

  test('prose gets nothing', async () => {
    assert.equal(await complete(7, 4), null);
  });

  test('ids increment keeping their width', () => {
    assert.deepEqual(['T0009', '2.3', 'TASK-099', 'B1.9', 'X'].map(increment), [
      'T0010',
      '2.4',
      'TASK-100',
      'B1.10',
      'X',
    ]);
  });
});
