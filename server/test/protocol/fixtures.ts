import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Documents the protocol tests open, and throw-away workspace folders.

export function joinLines(...lines: string[]): string {
  return lines.join('\n');
}

/** A short plan: one unfilled placeholder (line 6, characters 22–35), one task of two done. */
export const SMALL_PLAN = joinLines(
  '# Login - Implementation Plan',
  '',
  '**Status**: Planning',
  '',
  '## Phase 1: Build',
  '',
  '- [ ] **Task**: Write [ServiceName]',
  '  - **Estimate**: 2h',
  '- [x] Done thing',
  '',
);

/** The same shape with a BOM, CRLF line ends, CJK and emoji (two UTF-16 units each). */
export const UNICODE_PLAN =
  '\uFEFF' +
  [
    '# 🚀 登录 - Implementation Plan',
    '',
    '**Status**: Plannin',
    '',
    '## Phase 1: 构建 🎉',
    '',
    '- [ ] **Task**: 写 [ServiceName] 😀',
    '  - **Estimate**: 2h',
    '',
  ].join('\r\n');

export const NOT_A_PLAN = joinLines(
  '# Meeting notes',
  '',
  'Bring [ServiceName] and a [placeholder].',
  '- [ ] buy milk',
  '',
);

export interface TempWorkspace {
  path: string;
  write(relativePath: string, text: string): string;
  dispose(): void;
}

export function tempWorkspace(): TempWorkspace {
  const path = mkdtempSync(join(tmpdir(), 'planmark-lsp-'));
  return {
    path,
    write(relativePath, text) {
      const file = join(path, relativePath);
      writeFileSync(file, text);
      return file;
    },
    dispose: () => rmSync(path, { recursive: true, force: true }),
  };
}
