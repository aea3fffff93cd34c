// The differential fuzzer: the piecewise engine (with a warm cache, and after edits
// through that cache) against the whole-document reference (`wholeDocument: true`),
// compared on the model, the findings and the outline. Documents are generated from
// the constructs that broke the splitting before (front matter, HTML blocks, fences,
// references and definitions, interrupting items, setext lines, CRLF), and mutated
// from real plans and the project's own template and fixtures. A mismatch is a bug:
// fast-check shrinks it to a small document and prints the seed to replay it.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { PieceCache, PlanEngine } from '../../src/engine';
import { assertPiecesEqualWhole } from './differential';
import { CORPUS, REPO, TEMPLATE_TEXT } from './helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);

/** Lines that plans are made of, and the ones that broke the piecewise parse. */
const LINES = [
  '# Login - Implementation Plan',
  '## Phase 1: Setup',
  '### 1.1 [OAuth][oauth] Flow',
  '## Risks',
  '#',
  '#no space',
  'Title',
  '===',
  '---',
  '+++',
  '...',
  '***',
  '- - -',
  'title: x',
  'title = "x"',
  'Steps:',
  'A paragraph with [a link](https://x.y) and [TODO ß] and [todo SS].',
  'See [OAuth][oauth], [OAuth][], [oauth] and [TODO\u00a0X].',
  'Footnote call[^1] and [^missing].',
  '[oauth]: https://x',
  '[TODO ß]: https://x',
  '[todo   x]: https://x',
  '[^1]: a note',
  '    indented note',
  '**Status**: Bogus',
  '**Created**: [DATE]',
  '- **Status**: Draft',
  '- [ ] Configure [OAuth][oauth] provider',
  '- [x] Add caching[^1]',
  '- [ ] **Task 1.1**: Wire [OAuth][] in',
  '  - **Estimate**: 2h',
  '  - [ ] nested task',
  '- 2. [ ] task',
  '- 1. [ ] task',
  '- -',
  '- *',
  '-',
  '|',
  '* [ ] star task',
  '+ [ ] plus task',
  '1. [ ] ordered task',
  '2) [ ] other ordered task',
  '- <div2 foo="x">',
  '- [a]: https://x',
  '-     indented code in an item',
  '-\ttabbed item',
  '> - [ ] quoted task',
  '> quote',
  '<div>',
  '</div>',
  '<!--',
  '-->',
  '<!-- a comment -->',
  '<script>',
  '</script>',
  '<pre>',
  '</pre>',
  '```',
  '```md',
  '~~~',
  '  ```',
  '| Task | Owner |',
  '|---|---|',
  '| [OAuth] | [TODO ß] |',
  '',
  '',
  '',
];

const line = fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...LINES) }, { weight: 1, arbitrary: fc.string() });
const ending = fc.constantFrom('\n', '\n', '\r\n', '\r');

/** A document: lines of those constructs, one line ending throughout or mixed, sometimes a BOM. */
export const generatedDocument = fc
  .tuple(fc.array(line, { maxLength: 40 }), ending, fc.boolean(), fc.array(ending, { maxLength: 40 }), fc.boolean())
  .map(([ls, eol, mixed, eols, bom]) => {
    const text = ls.map((l, i) => l + (mixed ? (eols[i] ?? eol) : eol)).join('');
    return (bom ? '\uFEFF' : '') + text;
  });

/** The project's own plans (template, fixtures) and the real ones when ../shared is there. */
export function seedPlans(): { plans: string[]; corpus: boolean } {
  const visit = (dir: string): string[] =>
    readdirSync(dir).flatMap((n) =>
      statSync(join(dir, n)).isDirectory() ? visit(join(dir, n)) : n.endsWith('.md') ? [join(dir, n)] : [],
    );
  const own = visit(join(REPO, 'test-fixtures'));
  const corpus = existsSync(CORPUS);
  const files = [...own, ...(corpus ? visit(CORPUS) : [])];
  return { plans: [TEMPLATE_TEXT, ...files.map((f) => readFileSync(f, 'utf8'))], corpus };
}

type Mutation = { at: number; kind: 'insert' | 'delete' | 'duplicate'; line: string };

const mutation = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom<Mutation['kind']>('insert', 'insert', 'delete', 'duplicate'),
  line: fc.constantFrom(...LINES),
});

/** A plan with lines inserted, deleted or duplicated at random places. */
export function mutatedPlan(plans: string[]) {
  return fc
    .tuple(fc.nat({ max: plans.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 6 }))
    .map(([i, mutations]) => mutate(plans[i], mutations));
}

function mutate(text: string, mutations: Mutation[]): string {
  const ls = text.split(/(?<=\n)/);
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  for (const m of mutations) {
    const at = m.at % (ls.length + 1);
    if (m.kind === 'insert') ls.splice(at, 0, m.line + eol);
    else if (m.kind === 'delete' && at < ls.length) ls.splice(at, 1);
    else if (at < ls.length) ls.splice(at, 0, ls[at]);
  }
  return ls.join('');
}

/** An edit as an editor sends it: replace `length` characters at `at` with `text`. */
const edit = fc.record({
  at: fc.nat(),
  length: fc.nat({ max: 12 }),
  text: fc.oneof(
    fc.constantFrom('', 'x', '\n', '\r\n', '# ', '- [ ] ', '<!--', '-->', '```', '---\n', '[oauth]', '[^1]', ']: #\n'),
    fc.constantFrom(...LINES).map((l) => l + '\n'),
  ),
});

export type Edit = { at: number; length: number; text: string };

export function applyEdit(text: string, e: Edit): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.text + text.slice(Math.min(text.length, at + e.length));
}

export interface FuzzOptions {
  seed: number;
  /** Generated documents. */
  documents: number;
  /** Mutated plans. */
  mutated: number;
  /** Edit sequences (each of up to 8 edits, every state compared). */
  sequences: number;
}

export interface FuzzVolume {
  documents: number;
  edits: number;
  corpus: boolean;
}

/** Runs the three properties; throws (with a shrunk counterexample and the seed) on the first mismatch. */
export function runFuzz(options: FuzzOptions): FuzzVolume {
  const { plans, corpus } = seedPlans();
  const volume: FuzzVolume = { documents: 0, edits: 0, corpus };
  const compare = (text: string, cache = new PieceCache()) => {
    volume.documents++;
    assertPiecesEqualWhole(engine, text, 'document', cache);
  };
  fc.assert(
    fc.property(generatedDocument, (text) => compare(text)),
    { seed: options.seed, numRuns: options.documents },
  );
  fc.assert(
    fc.property(mutatedPlan(plans), (text) => compare(text)),
    { seed: options.seed + 1, numRuns: options.mutated },
  );
  const start = fc.oneof(generatedDocument, mutatedPlan(plans));
  fc.assert(
    fc.property(start, fc.array(edit, { minLength: 1, maxLength: 8 }), (text, edits) => {
      // One cache through the whole sequence, as the server keeps one: each state is analyzed incrementally.
      const cache = new PieceCache();
      engine.analyze(text, { cache });
      for (const e of edits) {
        text = applyEdit(text, e);
        volume.edits++;
        assertPiecesEqualWhole(engine, text, 'after an edit', cache);
      }
    }),
    { seed: options.seed + 2, numRuns: options.sequences },
  );
  return volume;
}
