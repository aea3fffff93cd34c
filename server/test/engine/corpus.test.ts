// The real plans: no crash, sensible output, and no placeholder finding on a link or a checkbox.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import { visit } from 'unist-util-visit';
import { PlanEngine } from '../../src/engine';
import { CORPUS, TEMPLATE_TEXT, WITHOUT_SHARED } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);
const files = WITHOUT_SHARED ? [] : readdirSync(CORPUS).filter((f) => /^\d+-.*\.md$/.test(f));

test('the corpus is there', { skip: WITHOUT_SHARED }, () =>
  assert.ok(files.length >= 30, `found ${files.length} plans in ${CORPUS}`),
);

for (const name of files) {
  test(`corpus ${name}`, () => {
    const text = readFileSync(join(CORPUS, name), 'utf8');
    const analysis = engine.analyze(text);
    assert.equal(analysis.skipped, undefined);
    // Links and images found by a separate parse, to check the engine's exclusions against.
    const links: Array<[number, number]> = [];
    visit(unified().use(remarkParse).use(remarkGfm).parse(text), (node) => {
      if (/^(link|image|linkReference|imageReference|definition|footnoteReference)$/.test(node.type)) {
        links.push([node.position!.start.offset!, node.position!.end.offset!]);
      }
    });
    for (const f of analysis.findings) {
      assert.ok(f.range.start.line <= f.range.end.line, `${f.rule} has an inverted range`);
      assert.ok(f.range.end.line < analysis.lines.lineCount, `${f.rule} points past the end`);
      if (f.rule !== 'unfilled-placeholder') continue;
      const line = text.split(/\r\n|\r|\n/)[f.range.start.line];
      const hit = line.slice(f.range.start.character, f.range.end.character);
      assert.match(
        hit,
        /^(?:\[[^\]]+\]|\{\{[^}]+\}\}|NEEDS CLARIFICATION)$/,
        `placeholder range is not a placeholder text: ${hit}`,
      );
      assert.doesNotMatch(hit, /^\[[ xX]\]$/, 'a checkbox marker reported as a placeholder');
      const offset = analysis.lines.offset(f.range.start) - (text.charCodeAt(0) === 0xfeff ? 1 : 0);
      const link = links.find(([s, e]) => s <= offset && offset < e);
      assert.equal(link, undefined, `a link reported as a placeholder: ${line}`);
    }
  });
}

test(
  'corpus: the unfilled copy of the template reports its placeholders; the filled copy none',
  { skip: WITHOUT_SHARED },
  () => {
    const count = (file: string) =>
      engine.analyze(readFileSync(join(CORPUS, file), 'utf8')).findings.filter((f) => f.rule === 'unfilled-placeholder')
        .length;
    assert.ok(count(files.find((f) => f.startsWith('11-'))!) > 100);
    assert.equal(count(files.find((f) => f.startsWith('04-'))!), 0);
  },
);

test('corpus: CRLF plan gets ranges on the right characters', { skip: WITHOUT_SHARED }, () => {
  const name = files.find((f) => f.startsWith('05-'))!;
  const text = readFileSync(join(CORPUS, name), 'utf8');
  assert.ok(text.includes('\r\n'));
  const { outline, findings, lines } = engine.analyze(text);
  for (const f of findings) {
    const start = lines.offset(f.range.start);
    assert.notEqual(text[start], '\n', `${f.rule} starts on a line break`);
  }
  assert.equal(outline.total, 0);
});
