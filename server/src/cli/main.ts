import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { version } from '../../../package.json';
import { CHECK_FORMATS, runCheck, type CheckFormat } from './check';
import type { Io, SettingsFlags } from './io';
import { GRAPH_FORMATS, NEXT_FORMATS, runGraph, runNext } from './graph';
import { BaselineError } from './baseline';
import { ChangedError, takeChangedOption } from './changed';
import { DEFAULT_JOBS } from './parallel';
export { restoreV8Flags } from './parallel';
import { OUTLINE_FORMATS, runOutline, type OutlineFormat } from './outline';

// The `planmark` command line: argument handling only; the commands live in
// check.ts and outline.ts. Exit codes: 0 clean, 1 findings that fail the check,
// 2 bad usage or a file that could not be checked.

const USAGE = `Usage: planmark <command> [options]

Commands:
  check [options] [PATH...]  Validate plans: files, or folders searched for plans
  outline [options] FILE     Print a plan's sections, tasks and progress
  graph [options] FILE       Print a plan's task graph: waves, critical path, ready
                             and blocked tasks, parallel conflicts
  next [options] FILE        Print the tasks that can start now, one a line
  mcp [--root DIR]           Serve the agent tools over MCP (stdio), rooted at DIR
                             (default: the current folder; see docs/agents.md)
  help                       Show this help

Options for check:
  --format text|json|sarif|github
                             Output format (default: text); github: workflow
                             commands that annotate a pull request in Actions
  --max-warnings N           Fail (exit 1) when there are more than N warnings
  --fix                      Write the safe fixes to the files (as the editor's
                             "fix all" does), then report what is left
  --config FILE              Configuration file (default: ./.planmarkrc.json)
  --template FILE            Template the plans follow (default: configured, else built-in)
  -j, --jobs N               Check files on N threads, this one and N - 1 workers
                             (default: the number of cores; small batches run on
                             one thread, which is faster)
  --cache                    Skip files whose content, configuration, template and
                             planmark version are unchanged since the last --cache run
                             (and, where ticked tasks name files, the files and git)
  --cache-location PATH      Cache file, or folder for it (default: ./.planmarkcache);
                             implies --cache
  --write-baseline FILE      Record the findings in FILE (exit 0): the accepted debt
  --baseline FILE            Report only findings not recorded in FILE (matched by
                             file, rule, message and the text of their line)
  --only-plans               Skip named files that are not plans (for hooks that
                             pass every edited file)
  --changed[=BASE]           Only plans changed against a git base (default: the
                             merge-base with the default branch), and new files;
                             PATH defaults to the whole repository
  --no-git                   phantom-completion: only check that the files ticked
                             tasks name exist; do not ask git what changed

Options for outline:
  --format text|json         Output format (default: text); JSON ranges are 0-based
  --config FILE, --template FILE   As for check

Options for graph:
  --format text|json|mermaid|dot   Output format (default: text); JSON lines are 1-based

Options for next:
  --format text|json        text: "ID<tab>title" a line (default); json: [{id, title, line}]

  -h, --help                 Show this help
  -v, --version              Show the version

A folder is searched for **/*.md (skipping node_modules and .git); a file there is
checked when it matches the configuration's include globs (relative to the current
folder) or its first heading ends in "Implementation Plan". A file named on the
command line is always checked.

Exit status: 0 no errors and at most --max-warnings warnings; 1 errors, or more
warnings than --max-warnings; 2 bad usage, or a file that could not be checked
(missing, unreadable, or larger than maxFileSize), after checking the others.
`;

class UsageError extends Error {}

const SETTINGS_OPTIONS = {
  config: { type: 'string' },
  template: { type: 'string' },
  format: { type: 'string', short: 'f' },
  help: { type: 'boolean', short: 'h' },
} as const;

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case 'check':
        return await check(rest, io);
      case 'outline':
        return await outline(rest, io);
      case 'graph':
        return await onePlan('graph', GRAPH_FORMATS, runGraph, rest, io);
      case 'next':
        return await onePlan('next', NEXT_FORMATS, runNext, rest, io);
      case 'mcp':
        return await mcp(rest, io);
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return 0;
      case '--version':
      case '-v':
        io.out(`${version}\n`);
        return 0;
      default:
        io.err(command === undefined ? USAGE : `planmark: unknown command "${command}"\n\n${USAGE}`);
        return 2;
    }
  } catch (error) {
    if (!(
      error instanceof UsageError ||
      error instanceof ChangedError ||
      error instanceof BaselineError ||
      isParseArgsError(error)
    ))
      throw error;
    const usage = error instanceof UsageError || isParseArgsError(error);
    io.err(`planmark: ${(error as Error).message}\n${usage ? 'Run "planmark --help" for usage.\n' : ''}`);
    return 2;
  }
}

async function check(allArgs: string[], io: Io): Promise<number> {
  const { args, changed } = await takeChangedOption(allArgs, io.cwd, existsSync);
  const { values, positionals } = parseArgs({
    args,
    options: {
      ...SETTINGS_OPTIONS,
      'max-warnings': { type: 'string' },
      fix: { type: 'boolean' },
      jobs: { type: 'string', short: 'j' },
      cache: { type: 'boolean' },
      'cache-location': { type: 'string' },
      baseline: { type: 'string' },
      'write-baseline': { type: 'string' },
      'only-plans': { type: 'boolean' },
      'no-git': { type: 'boolean' },
    },
    allowPositionals: true,
  });
  if (values.help) return help(io);
  if (positionals.length === 0 && !changed) throw new UsageError('check needs at least one file or folder');
  return runCheck(
    {
      // With --changed, the whole repository's changed plans by default.
      paths: positionals.length === 0 ? ['.'] : positionals,
      format: oneOf(values.format ?? 'text', CHECK_FORMATS) as CheckFormat,
      maxWarnings: values['max-warnings'] === undefined ? undefined : count('--max-warnings', values['max-warnings']),
      config: values.config,
      template: values.template,
      version,
      fix: values.fix === true,
      jobs: values.jobs === undefined ? DEFAULT_JOBS : Math.max(1, count('--jobs', values.jobs)),
      cache:
        values.cache || values['cache-location'] !== undefined ? { location: values['cache-location'] } : undefined,
      baseline: values.baseline,
      writeBaseline: values['write-baseline'],
      changed,
      onlyPlans: values['only-plans'] === true,
      git: values['no-git'] !== true,
    },
    io,
  );
}

async function outline(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: SETTINGS_OPTIONS, allowPositionals: true });
  if (values.help) return help(io);
  if (positionals.length !== 1) throw new UsageError('outline needs exactly one file');
  return runOutline(
    {
      file: positionals[0],
      format: oneOf(values.format ?? 'text', OUTLINE_FORMATS) as OutlineFormat,
      config: values.config,
      template: values.template,
    },
    io,
  );
}

/** A command on one plan file with a `--format` of its own (graph, next). */
async function onePlan<F extends string>(
  name: string,
  formats: readonly F[],
  run: (options: { file: string; format: F } & SettingsFlags, io: Io) => Promise<number>,
  args: string[],
  io: Io,
): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: SETTINGS_OPTIONS, allowPositionals: true });
  if (values.help) return help(io);
  if (positionals.length !== 1) throw new UsageError(`${name} needs exactly one file`);
  const format = oneOf(values.format ?? 'text', formats) as F;
  return run({ file: positionals[0], format, config: values.config, template: values.template }, io);
}

async function mcp(args: string[], io: Io): Promise<number> {
  const { values } = parseArgs({ args, options: { help: { type: 'boolean', short: 'h' }, root: { type: 'string' } } });
  if (values.help) return help(io);
  const root = resolve(io.cwd, values.root ?? '.');
  if (!existsSync(root) || !statSync(root).isDirectory()) throw new UsageError(`--root ${root} is not a folder`);
  // A bundle of its own beside this one (esbuild.mjs); a computed path keeps it out of cli.js.
  const bundle = join(__dirname, 'mcp.js');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded at run time on purpose (above)
  const server = require(bundle) as { main(root: string): Promise<void> };
  await server.main(root);
  return 0;
}

function help(io: Io): number {
  io.out(USAGE);
  return 0;
}

function oneOf(value: string, allowed: readonly string[]): string {
  if (!allowed.includes(value)) throw new UsageError(`--format must be one of ${allowed.join(', ')}, not "${value}"`);
  return value;
}

function count(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} must be a whole number, not "${value}"`);
  return Number(value);
}

function isParseArgsError(error: unknown): boolean {
  return (
    typeof (error as NodeJS.ErrnoException)?.code === 'string' &&
    (error as NodeJS.ErrnoException).code!.startsWith('ERR_PARSE_ARGS_')
  );
}

/** Runs `planmark` as the process: argv in, exit code out. The bin (bin.ts) calls it. */
export function runProcess(): void {
  // A closed pipe (`planmark check . | head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  const io: Io = {
    cwd: process.cwd(),
    color: process.stdout.isTTY === true && !process.env.NO_COLOR,
    out: (text) => process.stdout.write(text),
    err: (text) => process.stderr.write(text),
  };
  main(process.argv.slice(2), io).then(
    // exitCode rather than exit(): output to a pipe is flushed before the process ends.
    (code) => (process.exitCode = code),
    (error: unknown) => {
      process.stderr.write(
        `planmark: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exitCode = 2;
    },
  );
}

if (require.main === module) runProcess();
