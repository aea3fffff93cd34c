// Which paths a task names (engine/taskFiles.ts: one notion for parallel-conflict,
// phantom-completion and the agent tools), and what phantom-completion reports for
// given facts: the engine decides, the caller only gathers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completionClaims, filesOf, mayNameTickedFiles, PlanEngine, type CompletionFacts } from '../../src/engine';
import { CORPUS, REPO, TEMPLATE_TEXT, WITHOUT_SHARED } from '../engine/helpers';

const engine = new PlanEngine(TEMPLATE_TEXT);

function named(taskLines: string): string[][] {
  const model = engine.analyze(`# Tasks\n\n## Phase 1: Build\n\n${taskLines}\n`).model!;
  return model.tasks.map((t) => filesOf(model, t).map((f) => f.path));
}

test('spec-kit "in path", backticked paths and File/Tests fields are named files', () => {
  assert.deepEqual(
    named(
      [
        '- [ ] T001 [P] [US1] Create User model in src/models/user.py',
        '- [ ] T002 Configure linting in backend/pyproject.toml and `frontend/.eslintrc.json`',
        '- [ ] T003 移行する `crates/gwt-core/src/error.rs`',
        '- [ ] T004 Add logging in utils.py.',
        '- [ ] **Task**: Create Prisma schema models',
        '  - **File**: `prisma/schema.prisma`, `prisma/migrations/`',
        '  - **Tests**: `apps/api/__tests__/schema.test.ts`',
      ].join('\n'),
    ),
    [
      ['src/models/user.py'],
      ['backend/pyproject.toml', 'frontend/.eslintrc.json'],
      ['crates/gwt-core/src/error.rs'],
      ['utils.py'],
      ['prisma/schema.prisma', 'prisma/migrations/', 'apps/api/__tests__/schema.test.ts'],
    ],
  );
});

test('routes, URLs, placeholders, globs, identifiers and branch names are not files', () => {
  assert.deepEqual(
    named(
      [
        '- [ ] Reuse the `/bff/dashboard` endpoint and https://example.com/a.js',
        '- [ ] **Task**: Implement [ServiceName]',
        '  - **File**: `apps/api/src/services/[service-name].ts`, `src/**/*.ts`, [path]',
        '- [ ] Rename `user.name`, merge feature/login in main',
        '- [ ] Use `@scope/pkg` and `$lib/tauriInvoke` and `../outside.ts` and v1.2 in 3.5',
        '- [x] T049 Test suite verified: `swift test` completes in 0.8s, builds in 12.5ms, scales to 2.5x and 10MB',
      ].join('\n'),
    ),
    [[], [], [], [], []],
  );
});

test('prose glued to a path, libraries, calls and environment objects are not files; `$` in a name is', () => {
  assert.deepEqual(
    named(
      [
        '- [x] T007 [US1] 扩展listScripts云函数以包含所有管理端字段xueran/cloudfunctions/listScripts/index.js',
        '- [ ] T008 扩展getScriptJson云函数以支持link=true参数xueran/cloudfunctions/getScriptJson/index.js',
        '- [ ] T009 更新 文档/设计.md 和 docs/指南.md',
        '- [x] 10.1 Integrate PDF.js and Three.js for text extraction',
        '- [x] T010 Read `GOOGLE_CLIENT_ID` from `process.env` and import.meta.env, then write production.env',
        '- [x] T011 Mount the handler in `src/server.ts` before `express.json()`',
        '- [x] T012 Create `app/routes/invite.$token.tsx` and read `$lib/env.ts`',
        '- [x] T013 リダイレクト API 実装（`app/routes/c/$shortId.ts`）',
      ].join('\n'),
    ),
    [
      ['xueran/cloudfunctions/listScripts/index.js'],
      ['xueran/cloudfunctions/getScriptJson/index.js'],
      ['文档/设计.md', 'docs/指南.md'],
      [],
      ['production.env'],
      ['src/server.ts'],
      ['app/routes/invite.$token.tsx'],
      ['app/routes/c/$shortId.ts'],
    ],
  );
});

test('bare names count with a well-known extension, after "in", or in a field; folders only in fields or backticked', () => {
  assert.deepEqual(
    named(
      [
        '- [ ] Document the flags in README.md and `config.yaml`',
        '- [ ] Port the parser in main.zig',
        '- [ ] Write the `internal/parser/` package and src/ helpers',
        '- [ ] **Task**: Containerise the API',
        '  - **Files**: `Dockerfile`, `deploy/`, n/a',
      ].join('\n'),
    ),
    [['README.md', 'config.yaml'], ['main.zig'], ['internal/parser/'], ['Dockerfile', 'deploy/']],
  );
});

test('parallel-conflict: two [P] tasks naming one file collide, two naming one folder do not', () => {
  const text = [
    '# Tasks',
    '',
    '## Phase 1: Build',
    '',
    '- [ ] T001 [P] Create the model in src/models/user.py and `src/models/`',
    '- [ ] T002 [P] Add validation in src/models/user.py and `src/models/`',
    '',
  ].join('\n');
  const findings = engine.analyze(text).findings.filter((f) => f.rule === 'parallel-conflict');
  assert.deepEqual(
    findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}`),
    ['5:36', '6:34'],
  );
});

test('the rule reports a missing file and a task without git evidence, at their own severities', () => {
  const text = [
    '# Tasks',
    '',
    '## Phase 1: Build',
    '',
    '- [x] T001 Create the model in src/model.py',
    '- [x] T002 Create the view in src/view.py',
    '- [x] T003 Create the service in src/service.py',
    '- [ ] T004 Create the page in src/page.py',
    '- [x] T005 Delete the legacy page in src/legacy.py',
    '',
  ].join('\n');
  const model = engine.analyze(text).model!;
  const [t1, t2, t3] = model.tasks;
  const commit = { hash: 'abc1234', date: '2026-01-02', subject: 'plan' };
  const scaffold = { hash: 'fed9876', date: '2026-01-01', subject: 'scaffold' };
  const facts: CompletionFacts = {
    files: new Map([
      ['src/model.py', 'src/model.py'],
      ['src/view.py', null],
      ['src/service.py', 'src/service.py'],
      ['src/page.py', null],
      // Gone, as a removal task wants: not a phantom.
      ['src/legacy.py', null],
    ]),
    history: new Map([
      [t1.checkbox.start, { written: commit, after: [], dirty: [], before: [scaffold] }],
      [t2.checkbox.start, { written: commit, after: [], dirty: [], before: [] }],
      [t3.checkbox.start, { written: commit, after: [commit], dirty: [], before: [] }],
    ]),
  };
  const strict = new PlanEngine(TEMPLATE_TEXT, { ...engine.config, phantomCompletionGit: 'information' });
  const findings = strict.analyze(text, { completion: facts }).findings.filter((f) => f.rule === 'phantom-completion');
  assert.deepEqual(
    findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.severity} ${f.message}`),
    [
      '5:3 information The task is ticked, but src/model.py has not changed since the task was written (in abc1234, 2026-01-02).',
      '6:31 warning The task is ticked, but src/view.py does not exist.',
    ],
  );
  assert.match(findings[0].detail!, /abc1234 2026-01-02 plan/);
  assert.equal(findings[0].fixes?.[0].title, 'Untick the task');
  // Without facts the rule is silent: the engine reads no disk.
  assert.equal(engine.analyze(text).findings.filter((f) => f.rule === 'phantom-completion').length, 0);
});

/** Every Markdown file under `dir`. */
function markdownUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join(dir, f));
}

/** mayNameTickedFiles may say yes wrongly (git started for nothing), never no wrongly (a claim judged late is still judged, but slower). */
function assertMayNameCovers(files: string[]): void {
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    // Each plan as it is, and with every task ticked: most real plans have few ticks.
    for (const version of [text, text.replace(/\[ \]/g, '[x]')]) {
      const model = engine.analyze(version).model;
      if (!model) continue;
      const claims = completionClaims(model).length;
      if (claims > 0) assert.ok(mayNameTickedFiles(version), `${file}: ${claims} ticked tasks name files`);
    }
  }
}

test('mayNameTickedFiles: yes wherever a ticked task names files (fixtures and crafted lines), no without ticked file names', () => {
  assertMayNameCovers(markdownUnder(join(REPO, 'test-fixtures')));
  for (const line of [
    '- [x] T001 Create User model in src/models/user.py',
    '> 1. [X] Containerise it in Dockerfile',
    '- [x] **Task**: Containerise the API\n  - **Files**: `Dockerfile`',
    '* [x] Port the parser in main.zig',
  ])
    assert.ok(mayNameTickedFiles(`# Tasks\n\n${line}\n`), line);
  for (const text of [
    '# Tiny Implementation Plan\n\n- [ ] one in src/a.ts\n- [x] two\n',
    '# Plan\n\n- [x] Write the handbook\n- [x] Review it with the team\n',
  ])
    assert.equal(mayNameTickedFiles(text), false, text);
});

test('mayNameTickedFiles covers every real plan', { skip: WITHOUT_SHARED }, () => {
  assertMayNameCovers(markdownUnder(CORPUS));
});
