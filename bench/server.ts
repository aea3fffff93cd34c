// The language server itself, over stdio as an editor talks to it: the time from
// sending an incremental change to receiving that version's diagnostics, with the
// debounce set to 0 so that only the work (and the pipe) is measured.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspTestClient, fileUri } from '../server/test/protocol/lspClient';

export interface ServerLatency {
  lines: number;
  runs: number;
  median: number;
  p95: number;
}

export async function serverLatency(text: string, runs: number): Promise<ServerLatency> {
  const folder = mkdtempSync(join(tmpdir(), 'planmark-bench-'));
  const path = join(folder, 'plan.md');
  writeFileSync(path, text);
  const client = await LspTestClient.start({ pull: false, folders: [folder], settings: () => ({ debounceMs: 0 }) });
  try {
    const uri = fileUri(path);
    const opened = client.mark();
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1, opened);
    // Each edit ticks or unticks one checkbox further down the plan.
    const boxes = [...text.matchAll(/^- \[[ x]\]/gm)].map((m) => m.index! + 3);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    const times: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const offset = boxes[(i * 37) % boxes.length];
      const line = lineOf(offset);
      const character = offset - text.lastIndexOf('\n', offset - 1) - 1;
      const version = i + 2;
      const from = client.mark();
      const started = performance.now();
      await client.change(uri, version, [{ range: { start: { line, character }, end: { line, character: character + 1 } }, text: i % 2 ? ' ' : 'x' }]);
      await client.diagnostics(uri, (p) => p.version === version, from);
      if (i >= 5) times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return {
      lines: text.split('\n').length,
      runs: times.length,
      median: times[Math.floor(times.length / 2)],
      p95: times[Math.ceil(times.length * 0.95) - 1],
    };
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}
