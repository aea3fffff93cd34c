// invalid-metadata on the values real plans write: a date followed by a note, and a Feature
// that names part of the title (or the title part of it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PlanEngine, applyEdits } from '../../src/engine';
import { TEMPLATE_TEXT, lines } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);

function plan(title: string, feature: string, created: string): string {
  return lines(
    `# ${title} - Implementation Plan`,
    '',
    `**Feature**: ${feature}`,
    `**Created**: ${created}`,
    '**Status**: In Progress',
    '**Version**: 1.0.0',
    '',
    '## Executive Summary',
    'Text.',
    '',
  );
}

const metadataFindings = (text: string) =>
  engine.analyze(text, { today: '2026-11-24' }).findings.filter((f) => f.rule === 'invalid-metadata');

test('invalid-metadata: a real date followed by a note is a date', () => {
  for (const created of [
    '2025-01-10 (revised after review)',
    '2025-01-10 [draft]',
    '2025-01-10 - revised',
    '2025-01-10 — revised',
    '2025-01-10, revised',
    '2025-01-10; revised',
    '2025-01-10: first cut',
    '2025-01-10 | v2',
    '2025-01-10 revised after review',
    '2025-01-10T10:00:00Z (UTC)',
    'January 5, 2025 (kick-off)',
    'August 23, 2025, 10:30 PM',
    '5 January 2025 — draft',
  ])
    assert.deepEqual(metadataFindings(plan('Shop', 'Shop', created)), [], created);
});

test('invalid-metadata: a note does not make a value a date', () => {
  for (const created of [
    '2025-13-45',
    '2025-13-45 (revised)',
    '2025-02-30 — draft',
    '2025-01-10abc',
    '2025-01-1099',
    'next week',
    'TBD (after review)',
    'Smarch 5, 2025 (draft)',
  ]) {
    const found = metadataFindings(plan('Shop', 'Shop', created));
    assert.equal(found.length, 1, created);
    assert.match(found[0].message, /is not a real date/, created);
  }
});

test('invalid-metadata: the fix for a wrong date with a note replaces the date and keeps the note', () => {
  const text = plan('Shop', 'Shop', '2025-13-45 (revised after review)');
  const analysis = engine.analyze(text, { today: '2026-11-24' });
  const finding = analysis.findings.find((f) => f.rule === 'invalid-metadata')!;
  const after = applyEdits(text, analysis.lines, finding.fixes![0].edits);
  assert.match(after, /^\*\*Created\*\*: 2026-11-24 \(revised after review\)$/m);
  // Without a note, the whole value is the date: it is replaced.
  const plain = plan('Shop', 'Shop', 'next week');
  const a = engine.analyze(plain, { today: '2026-11-24' });
  const f = a.findings.find((x) => x.rule === 'invalid-metadata')!;
  assert.match(applyEdits(plain, a.lines, f.fixes![0].edits), /^\*\*Created\*\*: 2026-11-24$/m);
});

test('invalid-metadata: a Feature agrees when the title contains it or it contains the title', () => {
  for (const [title, feature] of [
    ['Order Search', 'Search'],
    ['Order Search', 'order search'],
    ['Order Search', 'Order Search API'],
    ['Order-Search', 'order search'],
    ['Check-out Flow', 'Checkout flow'],
    ['Order Search', '**Search**'],
  ])
    assert.deepEqual(metadataFindings(plan(title, feature, '2025-01-10')), [], `${title} / ${feature}`);
  for (const [title, feature] of [
    ['Order Search', 'Payments'],
    // Letters inside a word are not the word.
    ['Order Search', 'Arch'],
    ['Order Search', 'Ordering'],
    ['Order Search', 'Search Orders'],
  ]) {
    const found = metadataFindings(plan(title, feature, '2025-01-10'));
    assert.equal(found.length, 1, `${title} / ${feature}`);
    assert.match(found[0].message, /disagrees with the title/);
  }
});
