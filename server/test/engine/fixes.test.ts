// Every fix the engine offers, on every fixture and real plan: applying it removes
// its finding, adds no error, and leaves the text outside its edits byte for byte.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PlanEngine, applyEdits, type Finding } from '../../src/engine';
import { CORPUS, REPO, TEMPLATE_TEXT, WITHOUT_SHARED } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);

function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/^\d+-.*\.md$|^(?!.*\.template\.md$).*\.md$/.test(name)) yield path;
  }
}

const key = (f: Finding) => `${f.rule} ${f.range.start.line}:${f.range.start.character} ${f.message}`;
const count = (fs: Finding[], k: string) => fs.filter((f) => key(f) === k).length;

if (WITHOUT_SHARED) test('fixes: the real plans', { skip: WITHOUT_SHARED }, () => {});
for (const file of [...files(join(REPO, 'test-fixtures')), ...(WITHOUT_SHARED ? [] : files(CORPUS))]) {
  test(`fixes: ${file.replace(REPO, '.').replace(CORPUS, 'corpus')}`, () => {
    const text = readFileSync(file, 'utf8');
    const before = engine.analyze(text, { today: '2026-11-24' });
    const errorsBefore = before.findings.filter((f) => f.severity === 'error').length;
    for (const finding of before.findings) {
      for (const fix of finding.fixes ?? []) {
        const after = applyEdits(text, before.lines, fix.edits);
        // Outside the edits nothing changed: strip each edit's region from both and compare.
        const offsets = fix.edits
          .map((e) => [before.lines.offset(e.range.start), before.lines.offset(e.range.end)])
          .sort((a, b) => a[0] - b[0]);
        assert.equal(
          text.slice(0, offsets[0][0]),
          after.slice(0, offsets[0][0]),
          `${fix.title}: text before the edit changed`,
        );
        const tail = text.length - offsets[offsets.length - 1][1];
        assert.equal(
          text.slice(text.length - tail),
          after.slice(after.length - tail),
          `${fix.title}: text after the edit changed`,
        );
        const result = engine.analyze(after, { today: '2026-11-24' }).findings;
        // The same finding must not survive at the same place (moves and inserts shift later findings).
        assert.ok(
          count(result, key(finding)) < count(before.findings, key(finding)),
          `${fix.title} did not remove: ${key(finding)}`,
        );
        const errorsAfter = result.filter((f) => f.severity === 'error').length;
        assert.ok(
          errorsAfter <= errorsBefore,
          `${fix.title} added errors: ${result
            .filter((f) => f.severity === 'error')
            .map(key)
            .join('; ')}`,
        );
      }
    }
  });
}
