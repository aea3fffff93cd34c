// The one body of a task block, as a snippet: the server's `task` completion and the
// client's Insert Task Block both insert it (there is no `task` snippet besides, so that
// completion offers one entry). Tab stops are empty where only the author knows the
// value (the file, the estimate, the tests): a made-up `path/to/file` or `2h` left in
// place would read as real. Pure string work, shared by the server and the client bundle.

/** Snippet lines of a task block; `id` (e.g. `T0009`) goes before the title when the plan numbers its tasks. */
export function taskBlockSnippet(id?: string): string[] {
  return [
    `- [ ] **Task**: ${id ? `${id} ` : ''}\${1:title}`,
    '  - **File**: `$2`',
    '  - **Estimate**: $3',
    '  - **Dependencies**: ${4:None}',
    '  - **Tests**: `$5`',
  ];
}

/** Snippet bodies of single task fields, by field key, for completion inside a block. */
export const FIELD_SNIPPETS: Record<string, { label: string; body: string }> = {
  file: { label: 'File', body: '`$1`' },
  estimate: { label: 'Estimate', body: '$1' },
  dependency: { label: 'Dependencies', body: '${1:None}' },
  test: { label: 'Tests', body: '`$1`' },
};
