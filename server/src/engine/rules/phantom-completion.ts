import type { CommitInfo, TaskHistory } from '../completion';
import { completionClaims } from '../completion';
import type { TaskItem } from '../model';
import type { Rule } from './rule';

// A ticked task whose work is not there: a file it names does not exist, or
// (in a git repository) no commit changed its files after the task was written.
// The facts come from the caller (AnalyzeOptions.completion); without them the
// rule says nothing. The git part has its own severity, `phantomCompletionGit`.

/** A task whose work is to make files go away: its files' absence is the work done, not missing work. */
const REMOVAL = /\b(?:delete|remove|drop|rename|move|retire|deprecate)[sd]?\b/i;

/** How many commits the explanation lists. */
const LISTED = 5;

export const phantomCompletion: Rule = {
  id: 'phantom-completion',
  description:
    'A ticked task names files that do not exist, or (in a git repository) that no commit changed after the task was written.',
  defaultSeverity: 'warning',
  check({ model, completion, config }, report) {
    if (!completion) return;
    for (const { task, files } of completionClaims(model)) {
      const removal = REMOVAL.test(task.block?.title || task.text.split(/\r?\n/, 1)[0]);
      const missing = removal
        ? []
        : files.filter((f) => completion.files.get(f.path) === null && !completion.removed?.has(f.path));
      for (const file of missing)
        report({
          span: file,
          message: `The task is ticked, but ${file.path} does not exist.`,
          fixes: [untick(task)],
        });
      const history = completion.history?.get(task.checkbox.start);
      if (missing.length > 0 || !history || config.phantomCompletionGit === 'off') continue;
      if (history.after.length > 0 || history.dirty.length > 0) continue;
      const paths = files.map((f) => completion.files.get(f.path) ?? f.path);
      // The commit that wrote the task also changed its files: a stub committed with the plan,
      // or the work committed with it and ticked later. Git cannot tell: a level lower, asked.
      const withPlan = history.written !== undefined && history.before[0]?.hash === history.written.hash;
      const have = paths.length === 1 ? 'has' : 'have';
      report({
        span: task.checkbox,
        severity: withPlan ? LOWER[config.phantomCompletionGit] : config.phantomCompletionGit,
        message: withPlan
          ? `The task is ticked, but ${list(paths)} ${have} changed only in the commit that wrote the task (${written(history)}): was the work done there?`
          : `The task is ticked, but ${list(paths)} ${have} not changed since the task was written (${written(history)}).`,
        detail: explain(history, paths),
        fixes: [untick(task)],
      });
    }
  },
};

function untick(task: TaskItem) {
  return {
    title: 'Untick the task',
    edits: [{ span: { start: task.checkbox.start + 1, end: task.checkbox.end - 1 }, newText: ' ' }],
  };
}

function written(history: TaskHistory): string {
  return history.written ? `in ${history.written.hash}, ${history.written.date}` : 'its line is not committed yet';
}

function commit(c: CommitInfo): string {
  return `${c.hash} ${c.date} ${c.subject}`;
}

/** The hover's explanation: which commits did touch the files, if any. */
/** One level lower, for what git can only suggest. */
const LOWER = { error: 'warning', warning: 'information', information: 'hint', hint: 'hint', off: 'off' } as const;

function explain(history: TaskHistory, paths: string[]): string {
  const lines = [`Task written: ${history.written ? commit(history.written) : 'not committed yet'}.`];
  if (history.before.length === 0) lines.push(`No commit ever changed ${list(paths)}.`);
  else {
    lines.push(`Commits that changed ${list(paths)}, none after the task was written:`);
    for (const c of history.before.slice(0, LISTED)) lines.push(`- ${commit(c)}`);
  }
  lines.push('Commit the work, or untick the task.');
  return lines.join('\n');
}

function list(paths: string[]): string {
  if (paths.length <= 1) return paths.join('');
  return `${paths.slice(0, -1).join(', ')} and ${paths[paths.length - 1]}`;
}
