// The language server itself, over stdio as an editor talks to it: the time from
// sending an incremental change to receiving that version's diagnostics, with the
// debounce set to 0 so that only the work (and the pipe) is measured.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LspTestClient, fileUri } from '../server/test/protocol/lspClient';
import { stats, type Stats } from './stats';

export interface ServerLatency extends Stats {
  lines: number;
}

/** Runs `work` against the bundled server with `text` open as plan.md in a throw-away folder (debounce 0). */
async function withServer<T>(
  text: string,
  pull: boolean,
  work: (client: LspTestClient, uri: string) => Promise<T>,
): Promise<T> {
  const folder = mkdtempSync(join(tmpdir(), 'planmark-bench-'));
  const path = join(folder, 'plan.md');
  writeFileSync(path, text);
  const client = await LspTestClient.start({ pull, folders: [folder], settings: () => ({ debounceMs: 0 }) });
  try {
    return await work(client, fileUri(path));
  } finally {
    await client.stop();
    rmSync(folder, { recursive: true, force: true });
  }
}

export function serverLatency(text: string, runs: number): Promise<ServerLatency> {
  return withServer(text, false, async (client, uri) => {
    const opened = client.mark();
    await client.open(uri, text);
    await client.diagnostics(uri, (p) => p.version === 1, opened);
    // Each edit ticks or unticks one checkbox further down the plan.
    const boxes = [...text.matchAll(/^- \[[ x]\]/gm)].map((m) => m.index + 3);
    const lineOf = (offset: number) => text.slice(0, offset).split('\n').length - 1;
    const times: number[] = [];
    for (let i = 0; i < runs + 5; i++) {
      const offset = boxes[(i * 37) % boxes.length];
      const line = lineOf(offset);
      const character = offset - text.lastIndexOf('\n', offset - 1) - 1;
      const version = i + 2;
      const from = client.mark();
      const started = performance.now();
      await client.change(uri, version, [
        { range: { start: { line, character }, end: { line, character: character + 1 } }, text: i % 2 ? ' ' : 'x' },
      ]);
      await client.diagnostics(uri, (p) => p.version === version, from);
      if (i >= 5) times.push(performance.now() - started);
    }
    return { lines: text.split('\n').length, ...stats(times) };
  });
}

export interface FeatureLatency {
  lines: number;
  runs: number;
  /** Request → response over stdio, the document's analysis already cached, in ms. */
  completion: Stats;
  hover: Stats;
  codeAction: Stats;
}

/** Completion (in a Dependencies value), hover (on a task) and code actions (for a diagnostic), as an editor asks for them. */
export function featureLatency(text: string, runs: number): Promise<FeatureLatency> {
  return withServer(text, true, async (client, uri) => {
    await client.open(uri, text);
    const report = (await client.pull(uri)) as { items: Array<{ range: unknown; code?: unknown }> };
    const lines = text.split('\n');
    const depLines = lines.flatMap((l, i) => (l.includes('**Dependencies**: T') ? [i] : []));
    const taskLines = lines.flatMap((l, i) => (l.startsWith('- [') ? [i] : []));
    const fixable = report.items.filter((d) => d.code === 'unfilled-placeholder' || d.code === 'table-cell-count');
    const diagnostics = fixable.length > 0 ? fixable : report.items;
    const time = async (request: (i: number) => Promise<unknown>) => {
      const times: number[] = [];
      for (let i = 0; i < runs + 5; i++) {
        const started = performance.now();
        await request(i);
        if (i >= 5) times.push(performance.now() - started);
      }
      return stats(times);
    };
    const pick = <T>(list: T[], i: number) => list[(i * 37) % list.length];
    const completion = await time((i) => {
      const line = pick(depLines, i);
      return client.request('textDocument/completion', {
        textDocument: { uri },
        position: { line, character: lines[line].length },
      });
    });
    const hover = await time((i) =>
      client.request('textDocument/hover', {
        textDocument: { uri },
        position: { line: pick(taskLines, i), character: 20 },
      }),
    );
    const codeAction = await time((i) => {
      const d = pick(diagnostics, i) as { range: unknown };
      return client.request('textDocument/codeAction', {
        textDocument: { uri },
        range: d.range,
        context: { diagnostics: [d] },
      });
    });
    return { lines: lines.length, runs, completion, hover, codeAction };
  });
}

export interface SlowParseResponse {
  parseTimeoutMs: number;
  /** From opening the other plan to the answer of an outline request about it, in ms. */
  otherRequestMs: number;
  /** From opening the slow plan to its notice (none when everything is parsed on the main thread). */
  noticeMs?: number;
  /** From opening the slow plan to its findings. */
  findingsMs: number;
}

/**
 * A text micromark needs seconds for is opened, then (once the server is on it) another
 * large plan: how long an outline request about the other plan waits, and when the slow
 * plan gets its notice and its findings. With parseTimeoutMs 0 everything is parsed on
 * the main thread (the server before the worker threads).
 */
export async function slowParseResponse(
  slowText: string,
  otherText: string,
  parseTimeoutMs: number,
): Promise<SlowParseResponse> {
  const client = await LspTestClient.start({ pull: false, settings: () => ({ debounceMs: 0, parseTimeoutMs }) });
  try {
    // Settings are fetched once, before the measurement.
    await client.open('untitled:warm-up-plan.md', '# Warm-up - Implementation Plan\n');
    await client.outline('untitled:warm-up-plan.md', { now: true });
    const slow = 'untitled:slow-plan.md';
    const other = 'untitled:other-plan.md';
    const from = client.mark();
    const started = performance.now();
    const since = (t: number) => () => performance.now() - t;
    const notice =
      parseTimeoutMs > 0
        ? client.diagnostics(slow, (p) => p.diagnostics[0]?.code === 'validation-skipped', from).then(since(started))
        : undefined;
    const findings = client
      .diagnostics(slow, (p) => p.diagnostics[0]?.code !== 'validation-skipped', from)
      .then(since(started));
    await client.open(slow, slowText);
    // A round trip: the server has taken up the slow plan before the other one opens.
    await client.outline('untitled:not-open.md');
    const otherOpened = performance.now();
    await client.open(other, otherText);
    await client.outline(other, { now: true, timeoutMs: 60_000 });
    const otherRequestMs = performance.now() - otherOpened;
    return { parseTimeoutMs, otherRequestMs, noticeMs: await notice, findingsMs: await findings };
  } finally {
    await client.stop();
  }
}
