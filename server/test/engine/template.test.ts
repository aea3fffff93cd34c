import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanEngine } from '../../src/engine';
import { deriveTemplate } from '../../src/engine/template';
import { TEMPLATE_TEXT } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);

test('the reference template yields every placeholder and no missing section', () => {
  const { findings } = engine.analyze(TEMPLATE_TEXT);
  // Counted independently of the engine: every [..] minus checkbox markers (the template has no links;
  // `[method](params: Type)` is inside a code block).
  const expected = [...TEMPLATE_TEXT.matchAll(/\[([^[\]\n]+)\]/g)].filter((m) => !/^[ xX]$/.test(m[1]));
  const placeholders = findings.filter((f) => f.rule === 'unfilled-placeholder');
  assert.equal(placeholders.length, expected.length);
  assert.equal(expected.length, 145);
  assert.deepEqual(
    findings.filter((f) => f.rule === 'missing-section'),
    [],
  );
  // Besides placeholders, only the template's "High/Med/Low" choice lists are reported.
  assert.deepEqual(
    [...new Set(findings.filter((f) => f.rule !== 'unfilled-placeholder').map((f) => f.rule))],
    ['invalid-rating'],
  );
});

test('the schema is derived from the template, not coded', () => {
  const schema = deriveTemplate(TEMPLATE_TEXT);
  assert.deepEqual(
    schema.sections.map((s) => s.key),
    [
      'executive summary',
      'phase 0',
      'phase 1',
      'phase 2',
      'phase 3',
      'phase 4',
      'phase 5',
      'phase 6',
      'timeline and milestones',
      'resource requirements',
      'risks and mitigation',
      'success metrics',
      'open questions and decisions',
      'appendix',
    ],
  );
  assert.deepEqual(
    schema.sections[1].children.map((c) => c.title),
    ['Technical Research', 'Architecture Analysis', 'Risk Assessment'],
  );
  assert.deepEqual(schema.taskFields, [
    { key: 'file', label: 'File' },
    { key: 'estimate', label: 'Estimate' },
  ]);
  assert.deepEqual(
    schema.metadataFields.map((f) => f.label),
    ['Feature', 'Created', 'Status', 'Version'],
  );
  assert.equal(schema.titleSuffix, '- Implementation Plan');
  for (const p of [
    '[FEATURE_NAME]',
    '[DATE]',
    '[Date]',
    '[hours]',
    '[Risk 1]',
    '[ModelName]',
    '[resource]',
    '[Brief description of what this feature accomplishes]',
  ]) {
    assert.ok(schema.placeholders.has(p), p);
  }
});

test('a custom template goes through the same derivation', () => {
  const custom = [
    '# [NAME] Plan',
    '',
    '**Owner**: [who]',
    '',
    '## Goals',
    'x',
    '',
    '## Steps',
    '- [ ] **Task**: Do it',
    '  - **Owner**: me',
    '  - **Due**: [when]',
  ].join('\n');
  const schema = deriveTemplate(custom);
  assert.deepEqual(
    schema.sections.map((s) => s.title),
    ['Goals', 'Steps'],
  );
  assert.deepEqual(
    schema.taskFields.map((f) => f.label),
    ['Owner', 'Due'],
  );
  assert.deepEqual(
    schema.metadataFields.map((f) => f.label),
    ['Owner'],
  );
  const findings = new PlanEngine(custom).analyze(
    '# X Plan\n\n**Owner**: Ann\n\n## Steps\n- [ ] **Task**: A\n  - **Owner**: Bo\n',
  ).findings;
  assert.deepEqual(
    findings.map((f) => `${f.rule}: ${f.message}`),
    [
      'missing-section: Missing section "## Goals" in this plan; the template requires it.',
      'task-missing-field: Task "A" lacks Due.',
    ],
  );
});
