import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { PlansRequest, type PlanSummary } from '../../src/protocol';
import { fileUri, LspTestClient } from './lspClient';
import { joinLines, SMALL_PLAN, tempWorkspace, type TempWorkspace } from './fixtures';

// planmark/plans, what the Plans view shows: every plan with its profile, progress
// and problem counts; a closed plan as on disk, an open one as its current text.

describe('planmark/plans over stdio', () => {
  let client: LspTestClient;
  let ws: TempWorkspace;
  before(async () => {
    ws = tempWorkspace();
    ws.write('login-plan.md', SMALL_PLAN);
    ws.write('notes.md', '# Notes\n\n- [ ] milk\n');
    ws.write('search.plan.md', joinLines('# Search', '', '- [x] Index', '- [x] Query', '- [ ] Rank', ''));
    client = await LspTestClient.start({ pull: true, folders: [ws.path], settings: () => ({}), watchers: true });
  });
  after(async () => {
    await client?.stop();
    ws?.dispose();
  });

  const plans = () => client.request<PlanSummary[]>(PlansRequest.method, {});
  const byPath = (list: PlanSummary[]) => new Map(list.map((p) => [p.path, p]));

  test('each plan with its title, profile, progress and problem counts; not the notes', async () => {
    const list = byPath(await plans());
    assert.deepEqual([...list.keys()].sort(), ['login-plan.md', 'search.plan.md']);
    const login = list.get('login-plan.md')!;
    assert.equal(login.uri, fileUri(join(ws.path, 'login-plan.md')));
    assert.equal(login.folder, fileUri(ws.path));
    assert.equal(login.title, 'Login - Implementation Plan');
    assert.equal(login.profile?.id, 'reference');
    assert.deepEqual([login.done, login.total, login.percent], [1, 2, 50]);
    assert.ok(login.errors > 0, 'the small plan lacks required sections');
    const search = list.get('search.plan.md')!;
    assert.equal(search.profile?.id, 'checklist');
    assert.deepEqual([search.done, search.total, search.percent, search.errors], [2, 3, 66, 0]);
    assert.ok(search.modified > 0);
  });

  test('an open plan is listed as its current text says, newer than on disk', async () => {
    const uri = fileUri(join(ws.path, 'search.plan.md'));
    const before = byPath(await plans()).get('search.plan.md')!;
    const text = joinLines('# Search', '', '- [x] Index', '- [x] Query', '- [x] Rank', '');
    await client.open(uri, text.replace('[x] Rank', '[ ] Rank'));
    await client.change(uri, 2, [{ text }]);
    const open = byPath(await plans()).get('search.plan.md')!;
    assert.deepEqual([open.done, open.total, open.percent], [3, 3, 100]);
    assert.ok(open.modified >= before.modified);
    // A document that is no plan, open or not, is never listed.
    await client.open(fileUri(join(ws.path, 'notes.md')), '# Notes\n');
    assert.ok(!byPath(await plans()).has('notes.md'));
  });
});
