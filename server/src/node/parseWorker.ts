// The worker thread behind OffThreadParser: parses a document into pieces and sends
// them back to be cached on the server's main thread, which stays free meanwhile.
// Each parse uses a fresh cache (parsePieces): the main thread keeps the pieces.
import { parentPort } from 'node:worker_threads';
import { parsePieces } from '../engine';

// A fresh thread's first parse runs cold (module loading, an unoptimised micromark)
// and takes several times longer than the next: warm it up on the constructs plans
// use before saying it is ready, so that an ordinary plan never waits for that.
const WARM_UP = Array.from(
  { length: 40 },
  (_, i) =>
    `## Phase ${i}: Work\n\n**Goal**: see [the docs](https://example.com/${i}) and [ref][r${i}].\n\n` +
    `- [ ] **Task ${i}.1**: Build *it* with \`code\`\n  - **Estimate**: 2h\n- [x] Done <b>x</b>\n\n` +
    `| a | b |\n|---|---|\n| [x] | 1 |\n\n\`\`\`ts\nconst x = ${i};\n\`\`\`\n\n<!-- note -->\n> quote\n\n[r${i}]: https://x.y\n`,
).join('\n');
parsePieces(WARM_UP);
parentPort?.postMessage({ ready: true });

parentPort?.on('message', (text: string) => {
  try {
    parentPort!.postMessage({ pieces: parsePieces(text) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  }
});
