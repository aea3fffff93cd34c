// The worker thread behind OffThreadParser: parses a document into pieces and sends
// them back to be cached on the server's main thread, which stays free meanwhile.
import { parentPort } from 'node:worker_threads';
import { clearParseCache, parsePieces } from '../engine';

parentPort?.on('message', (text: string) => {
  try {
    parentPort!.postMessage({ pieces: parsePieces(text) });
  } catch (error) {
    parentPort!.postMessage({ error: error instanceof Error ? error.message : String(error) });
  } finally {
    // The main thread keeps the pieces; a second copy here would only double the memory.
    clearParseCache();
  }
});
