// Parsing by sections (cached per section) must give exactly the model that
// parsing the whole document gives. Compared on every real plan, every fixture,
// and on text built to break the splitting: headings inside fences, HTML blocks
// and front matter, link definitions in other sections, unclosed blocks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parsePlan } from '../../src/engine/parse';
import { PieceCache } from '../../src/engine/pieceCache';
import { modelShape } from './differential';
import { CORPUS, REPO, TEMPLATE_TEXT, WITHOUT_SHARED, lines } from './helpers';

function same(name: string, text: string): void {
  const cache = new PieceCache();
  const chunked = modelShape(parsePlan(text, { cache }));
  const twice = modelShape(parsePlan(text, { cache })); // from the cache
  const whole = modelShape(parsePlan(text, { wholeDocument: true }));
  assert.deepEqual(chunked, whole, `${name}: parsing by sections differs from parsing the whole`);
  assert.deepEqual(twice, whole, `${name}: the cached parse differs`);
}

const tricky: Record<string, string> = {
  'heading inside a fence': lines(
    '# T',
    '```md',
    '## Not a heading',
    '- [ ] not a task',
    '```',
    '## Real',
    '- [ ] [TODO] task',
  ),
  'heading inside a tilde fence with backticks in it': lines('# T', '~~~', '```', '## Not a heading', '~~~', '## Real'),
  'unclosed fence': lines('# T', '```', '## Not a heading', '- [ ] [TODO]'),
  'fence in a list item closed by a heading': lines(
    '# T',
    '- [ ] item',
    '  ```',
    '  code',
    '## Heading closes the item',
    '```',
    '## inside a real fence now',
    '```',
    '## Out',
  ),
  'HTML comment across headings': lines('# T', '<!--', '## Hidden', '- [ ] [TODO]', '-->', '## Shown', '[DATE]'),
  'HTML block without a blank line': lines('# T', '<div>', '## Part of the HTML block', '</div>', '', '## Heading'),
  'script block': lines('# T', '<script>', '## x', '</script>', '## y'),
  'front matter with comment lines': lines(
    '---',
    '# yaml comment',
    'title: x',
    '---',
    '# Real title',
    '## Section',
    '[TODO]',
  ),
  'definition in a later section': lines(
    '# T',
    '## A',
    'See [Description] and [DATE][Description] and [x][] and [Description][].',
    '## B',
    '[Description]: https://example.com',
    '[x]: https://example.com',
  ),
  'definition in an earlier section': lines(
    '# T',
    '## A',
    '[ModelName]: /models',
    '## B',
    'Use [ModelName] and [ModelName][] here.',
  ),
  'setext and ATX mix': lines('Title', '=====', '## Two', 'text', '---', '## Three'),
  'hash without space is text': lines('# T', '#hashtag', '####### seven', '## Real'),
  'CRLF and lone CR': '# T\r\n## A\r\n- [ ] a\r## B\r- [x] b\r\n',
  'tab after hashes': '# T\n##\tTabbed\n- [ ] x\n##\n- [ ] empty heading\n',
  'blockquote with a fence': lines('# T', '> ```', '> ## in quote fence', '## Out of the quote', '```', '## after'),
  'indented heading is not a boundary': lines('# T', '- item', '   ## heading in the item', '- [ ] task'),
  'long list split at bullet items': lines(
    '# T',
    ...Array.from({ length: 600 }, (_, i) =>
      [
        `- [${i % 3 ? ' ' : 'x'}] **Task**: T${i} item with [TODO] and a lazy`,
        'continuation line',
        '  - **Estimate**: 2h',
        i % 50 === 0 ? '\n  ```\n- [ ] inside an item fence\n  ```' : '',
        i % 70 === 0 ? '<div>\n- [ ] in an HTML block\n</div>\n' : '',
        i % 90 === 0 ? 'Title\n-\n- - -\n* * *' : '',
        i % 40 === 0 ? '1. [ ] ordered\n2. [x] ordered' : '',
      ].join('\n'),
    ),
  ),
  'bullets inside an HTML comment with blank lines': lines(
    '# T',
    '- [ ] before',
    '<!--',
    '',
    '- [ ] commented out',
    '',
    '- [x] also',
    '-->',
    '- [ ] after',
  ),
  'bullets inside a pre block with blank lines': lines(
    '# T',
    '<pre>',
    '- [ ] in pre',
    '',
    '- [ ] still in pre',
    '</pre>',
    '- [ ] after',
  ),
  'loose and tight items, a quote and a table before bullets': lines(
    '# T',
    '- a',
    '',
    '- b',
    '- c',
    '> quote',
    '- [ ] d',
    '| x |',
    '|---|',
    '| 1 |',
    '- [ ] e',
    '[^1]: note',
    '- [ ] f',
  ),
  'an item fence closed by the next item, and one closed properly': lines(
    '# T',
    '- [ ] one',
    '  ```',
    '  code',
    '- [ ] two',
    '  ```',
    '  - [ ] in code',
    '  ```',
    '- [ ] three',
  ),
  'table ended by a heading': lines('# T', '| a | b |', '|---|---|', '| 1 | 2 |', '## Next', '| c |', '|---|'),
};

for (const [name, text] of Object.entries(tricky)) test(`incremental: ${name}`, () => same(name, text));

test('incremental: the template, the fixtures and the real plans', () => {
  same('template', TEMPLATE_TEXT);
  const visit = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? visit(join(dir, n)) : n.endsWith('.md') ? [join(dir, n)] : [],
    );
  const corpus = WITHOUT_SHARED ? [] : visit(CORPUS);
  if (WITHOUT_SHARED) console.log(`incremental: ${WITHOUT_SHARED}`);
  for (const file of [...visit(join(REPO, 'test-fixtures')), ...corpus]) same(file, readFileSync(file, 'utf8'));
});

test('incremental: an edit re-parses only its section', () => {
  const base = TEMPLATE_TEXT;
  const edited = base.replace('[Criterion 1]', 'Checkout under 2 seconds');
  const cache = new PieceCache();
  parsePlan(base, { cache });
  const before = cache.counters.parsed;
  parsePlan(edited, { cache });
  assert.equal(cache.counters.parsed - before, 1, 'one section re-parsed');
  same('edited template', edited);
});
