// `npm run fuzz`: the differential fuzz test (server/test/engine/fuzz.ts) at length, outside npm test.
// PLANMARK_FUZZ_RUNS scales it (generated documents; mutated plans and edit sequences
// get a tenth each), PLANMARK_FUZZ_SEED picks the seed (random by default, printed so a
// failure can be replayed).
import { runFuzz } from './fuzz';

const runs = Number(process.env.PLANMARK_FUZZ_RUNS ?? 3000);
const seed = Number(process.env.PLANMARK_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
console.log(`fuzz: seed ${seed}, ${runs} generated documents`);
const started = performance.now();
const volume = runFuzz({
  seed,
  documents: runs,
  mutated: Math.ceil(runs / 10),
  sequences: Math.ceil(runs / 10),
});
console.log(
  `fuzz: no mismatch in ${volume.documents} documents and ${volume.edits} edits` +
    `${volume.corpus ? '' : ' (no ../shared/corpus/real: template and fixtures mutated only)'}` +
    ` in ${((performance.now() - started) / 1000).toFixed(0)} s`,
);
