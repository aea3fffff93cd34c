// The client's outline store, without VS Code: which document version an outline is
// filed under decides whether `whenAnalyzed` answers with the right one. The in-editor
// suite hits these orderings only by chance; here they are forced.
import type { Outline } from '../../../server/src/protocol';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Module from 'node:module';

// Just enough of the `vscode` module for Outlines: an event emitter, Uri.parse and open documents.
const openDocs: { uri: { toString(): string }; version: number }[] = [];
class EventEmitter<T> {
  private listeners: ((e: T) => void)[] = [];
  event = (listener: (e: T) => void) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const l of [...this.listeners]) l(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}
const fakeVscode = {
  EventEmitter,
  Uri: { parse: (s: string) => ({ toString: () => s }) },
  workspace: { textDocuments: openDocs, onDidCloseTextDocument: () => ({ dispose() {} }) },
};
const load = (Module as unknown as { _load: (request: string, ...rest: unknown[]) => unknown })._load;
(Module as unknown as { _load: typeof load })._load = (request, ...rest) =>
  request === 'vscode' ? fakeVscode : load(request, ...rest);

// Required, not imported: an import would be hoisted above the hook.
// eslint-disable-next-line @typescript-eslint/no-require-imports, @typescript-eslint/consistent-type-imports
const { Outlines } = require('../../src/outlines') as typeof import('../../src/outlines');
const outline = (done: number) => ({ done }) as unknown as Outline;
const URI = 'file:///w/plan.md';

/** A language client whose requests the test answers by hand, and whose notifications it sends. */
function fakeClient() {
  let notify: (params: unknown) => void = () => undefined;
  const answers: ((outline: Outline | null) => void)[] = [];
  const client = {
    isRunning: () => true,
    onNotification: (_type: unknown, handler: (params: unknown) => void) => ((notify = handler), { dispose() {} }),
    sendRequest: () => new Promise<Outline | null>((resolve) => answers.push(resolve)),
  };
  return { client, answers, notify: (version: number, o: Outline | null) => notify({ uri: URI, version, outline: o }) };
}

function setup(version: number) {
  openDocs.length = 0;
  const doc = { uri: { toString: () => URI }, version };
  openDocs.push(doc);
  const fake = fakeClient();
  const outlines = new Outlines(fake.client as never);
  return { doc, outlines, ...fake };
}

test("an answer that arrives after a later edit is not taken for that edit's outline", async () => {
  const { doc, outlines, answers, notify } = setup(5);
  notify(5, outline(16));
  const asked = outlines.request(doc.uri as never, true);
  doc.version = 6; // e.g. an undo, before the server's answer for version 5 is back
  answers[0](outline(17));
  await asked;
  const settled: { outline?: Outline | null } = {};
  void outlines.whenCurrent(doc as never).then((o) => (settled.outline = o));
  await new Promise(setImmediate);
  assert.ok(!('outline' in settled), 'still waiting for version 6');
  notify(6, outline(16));
  await new Promise(setImmediate);
  assert.equal(settled.outline?.done, 16);
});

test('an answer is kept when nothing newer is known, and a newer notification is not overwritten', async () => {
  const { doc, outlines, answers, notify } = setup(3);
  const first = outlines.request(doc.uri as never);
  answers[0](outline(1));
  assert.equal((await first)?.done, 1);
  assert.equal((await outlines.whenCurrent(doc as never))?.done, 1);

  const second = outlines.request(doc.uri as never);
  doc.version = 4;
  notify(4, outline(2)); // the server notifies before it answers
  answers[1](outline(2));
  assert.equal((await second)?.done, 2);
  notify(3, outline(1)); // a stale notification changes nothing
  assert.equal(outlines.get(doc.uri as never)?.done, 2);
});
