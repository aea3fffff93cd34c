import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

// Throw-away git repositories for the phantom-completion and agent-tool tests,
// built commit by commit so that each test states the history it judges.

export interface GitFixture {
  dir: string;
  write(path: string, text: string): void;
  commit(message: string): void;
  git(...args: string[]): string;
  dispose(): void;
}

export function gitFixture(): GitFixture {
  const dir = mkdtempSync(join(tmpdir(), 'planmark-git-'));
  const git = (...args: string[]) =>
    execFileSync('git', args, {
      cwd: dir,
      encoding: 'utf8',
      env: {
        ...process.env,
        GIT_AUTHOR_NAME: 'Test',
        GIT_AUTHOR_EMAIL: 'test@example.com',
        GIT_COMMITTER_NAME: 'Test',
        GIT_COMMITTER_EMAIL: 'test@example.com',
        GIT_CONFIG_NOSYSTEM: '1',
        GIT_CONFIG_GLOBAL: '/dev/null',
      },
    });
  git('init', '-q', '-b', 'main');
  return {
    dir,
    write(path, text) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    },
    commit(message) {
      git('add', '-A');
      git('commit', '-q', '--no-gpg-sign', '-m', message);
    },
    git,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
