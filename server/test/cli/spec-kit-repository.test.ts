// A spec-kit repository as it is kept, checked in folder mode: the team's own template is
// the schema, a section of it that none of the repository's plans carries is guidance for
// the writer (not required), and the agents' command files spec-kit installs are no plans.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gitFixture } from '../agents/gitFixture';
import { run, workspace } from './helpers';

const TEMPLATE = [
  '# Tasks: [FEATURE NAME]',
  '',
  '## Writing Guidelines',
  'Write each task in the team language.',
  '',
  '## Phase 1: Setup',
  '- [ ] T001 Create [thing]',
  '',
  '## Rollback',
  '[How to undo the feature]',
  '',
].join('\n');

const tasks = (feature: string, withRollback: boolean) =>
  [
    `# Tasks: ${feature}`,
    '',
    '**Input**: Design documents from `/specs/x/`',
    '',
    '## Phase 1: Setup',
    '- [ ] T001 Create the app in src/app.ts',
    '',
    ...(withRollback ? ['## Rollback', 'Drop the table.', ''] : []),
  ].join('\n');

const COMMAND = [
  '---',
  'description: Create the implementation plan.',
  '---',
  '',
  '## User Input',
  '',
  '$ARGUMENTS',
  '',
  '- Decision: [what was chosen]',
  '',
].join('\n');

async function findings(files: Record<string, string>): Promise<{ code: number | null; lines: string[] }> {
  const ws = workspace({ '.specify/memory/constitution.md': '# Constitution\n', ...files });
  try {
    const { code, stdout } = await run(['check', '--no-git', '--format', 'json', '.'], ws.dir);
    const list = JSON.parse(stdout) as Array<{ file: string; rule: string; message: string }>;
    return { code, lines: list.map((f) => `${f.file} ${f.rule} ${f.message}`) };
  } finally {
    ws.cleanup();
  }
}

test("a template section none of the repository's plans carries is guidance; one they carry is required", async () => {
  const guidance = await findings({
    '.specify/templates/tasks-template.md': TEMPLATE,
    'specs/001-login/tasks.md': tasks('Login', false),
    'specs/002-search/tasks.md': tasks('Search', false),
  });
  assert.deepEqual(guidance, { code: 0, lines: [] });
  // The team can say it is required all the same.
  const configured = await findings({
    '.planmarkrc.json': JSON.stringify({
      profiles: [{ profile: 'spec-kit-tasks', sections: { Rollback: { required: true } } }],
    }),
    '.specify/templates/tasks-template.md': TEMPLATE,
    'specs/001-login/tasks.md': tasks('Login', false),
  });
  assert.deepEqual(configured.lines, [
    'specs/001-login/tasks.md missing-section Missing section "## Rollback" in this plan; the template requires it.',
  ]);
  const required = await findings({
    '.specify/templates/tasks-template.md': TEMPLATE,
    'specs/001-login/tasks.md': tasks('Login', false),
    'specs/002-search/tasks.md': tasks('Search', true),
  });
  assert.deepEqual(required.lines, [
    'specs/001-login/tasks.md missing-section Missing section "## Rollback" in this plan; the template requires it.',
  ]);
  assert.equal(required.code, 1);
});

test("agents' command files (spec-kit installs them as plan.md, speckit.plan.md) are not plans", async () => {
  const { code, lines } = await findings({
    '.claude/commands/plan.md': COMMAND,
    '.windsurf/workflows/speckit.plan.md': COMMAND,
    '.github/prompts/speckit.plan.prompt.md': COMMAND,
    'tools/speckit.plan.md': COMMAND,
    'specs/001-login/tasks.md': tasks('Login', false),
  });
  assert.deepEqual({ code, lines }, { code: 0, lines: [] });
  // Named on the command line, a file is checked whatever it is.
  const ws = workspace({ '.windsurf/workflows/speckit.plan.md': COMMAND });
  try {
    const named = await run(['check', '--no-git', '.windsurf/workflows/speckit.plan.md'], ws.dir);
    assert.match(named.stdout, /unfilled-placeholder/);
  } finally {
    ws.cleanup();
  }
});

test('a section the team added to its template is asked only of plans written after it (git)', async () => {
  const repo = gitFixture();
  // Commit times one day apart: git orders by them.
  let day = 1;
  const commit = (message: string) => {
    const date = `2026-01-${String(day++).padStart(2, '0')}T12:00:00Z`;
    process.env.GIT_AUTHOR_DATE = process.env.GIT_COMMITTER_DATE = date;
    try {
      repo.commit(message);
    } finally {
      delete process.env.GIT_AUTHOR_DATE;
      delete process.env.GIT_COMMITTER_DATE;
    }
  };
  try {
    const before = TEMPLATE.replace('## Rollback\n[How to undo the feature]\n', '');
    repo.write('.specify/memory/constitution.md', '# Constitution\n');
    repo.write('.specify/templates/tasks-template.md', before);
    repo.write('specs/001-login/tasks.md', tasks('Login', false));
    commit('the first feature');
    repo.write('.specify/templates/tasks-template.md', TEMPLATE);
    commit('the template asks for a rollback');
    repo.write('specs/002-search/tasks.md', tasks('Search', true));
    commit('a feature with its rollback');
    repo.write('specs/003-export/tasks.md', tasks('Export', false));
    commit('a feature without');
    const check = async (...flags: string[]) => {
      const { stdout } = await run(['check', '--format', 'json', ...flags, '.'], repo.dir);
      return (JSON.parse(stdout) as Array<{ file: string; rule: string }>)
        .filter((f) => f.rule === 'missing-section')
        .map((f) => f.file);
    };
    assert.deepEqual(await check(), ['specs/003-export/tasks.md']);
    // Without git the ages are unknown: every plan is held to the section its siblings carry.
    assert.deepEqual(await check('--no-git'), ['specs/001-login/tasks.md', 'specs/003-export/tasks.md']);
  } finally {
    repo.dispose();
  }
});
