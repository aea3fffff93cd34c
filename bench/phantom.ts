// phantom-completion with git: 1,000 ticked tasks, each naming two files, in a
// repository with a real history (the plan, 20 commits of work, the ticks).
// Measured: gathering the facts cold (every git process run, nothing cached)
// plus both analyses, against two named peers: `git blame --porcelain` of the plan
// (one process: what blaming the tasks' lines costs at the least) and
// `git log --name-only` over the same 2,000 files (what a script asking git which
// commits changed them would run).
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PlanEngine } from '../server/src/engine';
import { analyzeWithFacts, CompletionFactsGatherer } from '../server/src/node/completionFacts';
import { stats, type Stats } from './stats';

const TASKS = 1000;
const WORK_COMMITS = 20;

function plan(ticked: boolean): string {
  const lines = ['# Tasks: Bench', '', '## Phase 1: Build', ''];
  for (let i = 1; i <= TASKS; i++)
    lines.push(
      `- [${ticked ? 'x' : ' '}] T${String(i).padStart(4, '0')} Build component ${i} in src/c${i}.ts with \`test/c${i}.test.ts\``,
    );
  return lines.join('\n') + '\n';
}

function repository(): string {
  const dir = mkdtempSync(join(tmpdir(), 'planmark-bench-git-'));
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Bench',
    GIT_AUTHOR_EMAIL: 'bench@example.com',
    GIT_COMMITTER_NAME: 'Bench',
    GIT_COMMITTER_EMAIL: 'bench@example.com',
    GIT_CONFIG_GLOBAL: '/dev/null',
  };
  const git = (...args: string[]) => execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' });
  git('init', '-q', '-b', 'main');
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'test'));
  for (let i = 1; i <= TASKS; i++) {
    writeFileSync(join(dir, 'src', `c${i}.ts`), '// stub\n');
    writeFileSync(join(dir, 'test', `c${i}.test.ts`), '// stub\n');
  }
  writeFileSync(join(dir, 'plan.md'), plan(false));
  git('add', '-A');
  git('commit', '-q', '-m', 'plan and stubs');
  // The work: each commit changes the files of a twentieth of the tasks (a tenth are left phantom).
  for (let c = 0; c < WORK_COMMITS; c++) {
    for (let i = 1 + c; i <= TASKS * 0.9; i += WORK_COMMITS) writeFileSync(join(dir, 'src', `c${i}.ts`), `// ${c}\n`);
    git('commit', '-q', '-am', `work ${c}`);
  }
  writeFileSync(join(dir, 'plan.md'), plan(true));
  git('commit', '-q', '-am', 'tick everything');
  return dir;
}

export interface PhantomBench {
  tasks: number;
  findings: number;
  planmark: Stats;
  noGit: Stats;
  blame: Stats;
  gitLog: Stats;
}

export async function phantomCompletion(engine: PlanEngine, runs = 5): Promise<PhantomBench> {
  const dir = repository();
  try {
    const text = plan(true);
    const where = { root: dir, planPath: join(dir, 'plan.md') };
    const time = async (fn: () => unknown) => {
      const times: number[] = [];
      for (let i = 0; i < runs; i++) {
        const start = performance.now();
        await fn();
        times.push(performance.now() - start);
      }
      return stats(times);
    };
    const analysis = await analyzeWithFacts(engine, text, { ...where, git: true }, new CompletionFactsGatherer());
    const findings = analysis.findings.filter((f) => f.rule === 'phantom-completion').length;
    // A new gatherer per run: no git answer is reused.
    const planmark = await time(() =>
      analyzeWithFacts(engine, text, { ...where, git: true }, new CompletionFactsGatherer()),
    );
    const noGit = await time(() =>
      analyzeWithFacts(engine, text, { ...where, git: false }, new CompletionFactsGatherer()),
    );
    const blame = await time(() => execFileSync('git', ['blame', '--porcelain', 'plan.md'], { cwd: dir }));
    const files = Array.from({ length: TASKS }, (_, i) => [`src/c${i + 1}.ts`, `test/c${i + 1}.test.ts`]).flat();
    const gitLog = await time(() =>
      execFileSync('git', ['log', '--format=%h', '--name-only', '--', ...files], { cwd: dir, maxBuffer: 1 << 28 }),
    );
    return { tasks: TASKS, findings, planmark, noGit, blame, gitLog };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
