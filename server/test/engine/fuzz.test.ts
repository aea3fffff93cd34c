// The differential fuzz test, bounded for `npm test` (a fixed seed: the same documents
// every run, a few seconds). `npm run fuzz` runs it longer (fuzzLong.ts).
import { test } from 'node:test';
import { runFuzz } from './fuzz';

test('fuzz: pieces, warm caches and edits equal the whole-document analysis (fixed seed)', () => {
  const volume = runFuzz({ seed: 20261128, documents: 150, mutated: 12, sequences: 12 });
  if (!volume.corpus) console.log('fuzz: ../shared/corpus/real is absent; mutated only the template and fixtures');
});
