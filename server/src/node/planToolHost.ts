import { readFile, realpath, writeFile } from 'node:fs/promises';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import {
  completeTask,
  explainRule,
  inputShapes,
  planNextTasks,
  planStatus,
  planValidate,
  type PlanInput,
  type ToolName,
  type ToolResult,
} from '../agents/planTools';
import { withoutBom, type AnalyzeOptions, type PlanEngine } from '../engine';
import { analyzeWithFacts, CompletionFactsGatherer } from './completionFacts';
import { RepoFactsReader } from './repoFacts';
import { engineFor, loadSettings } from './settings';

// Runs the agent tools for one workspace root: checks the arguments and the path
// (nothing outside the root), reads the plan, gathers the completion facts,
// calls the pure tool, and writes the one character plan_complete_task changes.
// The MCP server reads and writes the disk; the language server reads open
// documents and hands the tick to the editor (an undoable WorkspaceEdit), by
// passing its own PlanTexts and its folder's settings.

/** Where plan texts come from and where a tick goes. */
export interface PlanTexts {
  /** The text (without a BOM) of the file at an absolute path. */
  read(path: string): Promise<string>;
  /**
   * Writes `x` at `offset` of the text (a BOM aside), if the file still reads `expected`;
   * else throws an Error saying why.
   */
  tick(path: string, expected: string, offset: number): Promise<void>;
}

/** The disk, keeping the BOM, the line ends and every other byte. */
export const DISK_TEXTS: PlanTexts = {
  async read(path) {
    return withoutBom(await readFile(path, 'utf8'));
  },
  async tick(path, expected, offset) {
    const raw = await readFile(path, 'utf8');
    const bom = raw.charCodeAt(0) === 0xfeff ? 1 : 0;
    if (raw.slice(bom) !== expected) throw new Error('the file changed while planmark read it; try again');
    await writeFile(path, raw.slice(0, bom + offset) + 'x' + raw.slice(bom + offset + 1), 'utf8');
  },
};

export interface HostOptions {
  /** Default: the disk. */
  texts?: PlanTexts;
  /** The engine for the root's settings; default: `.planmarkrc.json`, read at each call (an agent may change it). */
  engine?: () => Promise<PlanEngine>;
  /** Ask git (phantom-completion's second check); false in an untrusted workspace. Default: yes. */
  git?: () => boolean;
}

export class PlanToolHost {
  private readonly gatherer = new CompletionFactsGatherer();
  private readonly repoFacts = new RepoFactsReader(false, () => this.hostOptions.git?.() ?? true);

  constructor(
    readonly root: string,
    private readonly hostOptions: HostOptions = {},
  ) {}

  /** Runs a tool; `texts` overrides where this call reads and ticks (the language server's open documents). */
  async call(
    name: ToolName,
    args: unknown,
    texts: PlanTexts = this.hostOptions.texts ?? DISK_TEXTS,
  ): Promise<ToolResult> {
    const parsed = z.object(inputShapes[name]).safeParse(args ?? {});
    if (!parsed.success) return { ok: false, reason: `Invalid arguments: ${z.prettifyError(parsed.error)}` };
    const input = parsed.data as Record<string, unknown>;
    try {
      const engine = await this.engine();
      if (name === 'plan_explain_rule') return explainRule(input.rule as string, engine.config);
      const path = await this.inside(input.path as string);
      if (typeof path !== 'string') return path;
      let text: string;
      try {
        text = await texts.read(path);
      } catch (error) {
        return { ok: false, reason: `Cannot read ${input.path as string}: ${describe(error)}.` };
      }
      const shown = relative(this.root, path).split(sep).join('/');
      if (name === 'plan_complete_task')
        return await this.complete(engine, texts, { path, shown, text }, input.task as string);
      const plan = await this.plan(engine, path, shown, text);
      if ('reason' in plan) return plan;
      if (name === 'plan_status') return planStatus(plan);
      if (name === 'plan_validate') return planValidate(plan);
      return planNextTasks(plan, (input.limit as number | undefined) ?? 10);
    } catch (error) {
      return { ok: false, reason: `planmark failed: ${describe(error)}` };
    }
  }

  private engine(): Promise<PlanEngine> {
    if (this.hostOptions.engine) return this.hostOptions.engine();
    // Read each call: an agent may change .planmarkrc.json between calls.
    return Promise.resolve(engineFor(loadSettings({ root: this.root })));
  }

  /** What profile detection needs: the plan's path from the root and what lies around it. */
  private options(path: string, shown: string): AnalyzeOptions {
    return { path: shown, facts: this.repoFacts.read(path, this.root) };
  }

  /** The absolute path, or a refusal when it lies outside the root (symbolic links followed). */
  private async inside(path: string): Promise<string | { ok: false; reason: string }> {
    const outside = { ok: false as const, reason: `${path} is outside the workspace root (${this.root}); refused.` };
    const absolute = resolve(this.root, path);
    if (!within(this.root, absolute)) return outside;
    const [realRoot, realPath] = await Promise.all([
      realpath(this.root).catch(() => this.root),
      realpath(absolute).catch(() => undefined),
    ]);
    if (realPath !== undefined && !within(realRoot, realPath)) return outside;
    return absolute;
  }

  private async plan(
    engine: PlanEngine,
    path: string,
    shown: string,
    text: string,
  ): Promise<PlanInput | { ok: false; reason: string }> {
    const options = this.options(path, shown);
    const analysis = await analyzeWithFacts(
      engine,
      text,
      { root: this.root, planPath: path, git: this.hostOptions.git?.() ?? true },
      this.gatherer,
      options,
    );
    if (!analysis.model) return { ok: false, reason: `${shown}: ${analysis.skipped ?? 'not validated'}.` };
    return { path: shown, analysis, requirements: options.facts?.siblings?.['requirements.md'] };
  }

  private async complete(
    engine: PlanEngine,
    texts: PlanTexts,
    { path, shown, text }: { path: string; shown: string; text: string },
    task: string,
  ) {
    const analysis = engine.analyze(text, this.options(path, shown));
    const completion = analysis.model
      ? await this.gatherer.gather({
          root: this.root,
          planPath: path,
          model: analysis.model,
          git: false,
          allTasks: true,
        })
      : undefined;
    const { result, offset } = completeTask({ path: shown, analysis, completion }, task);
    if (!result.ok || offset === undefined) return result;
    try {
      await texts.tick(path, text, offset);
    } catch (error) {
      return { ok: false as const, reason: `Not ticked: ${describe(error)}.` };
    }
    return result;
  }
}

function within(root: string, path: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function describe(error: unknown): string {
  const e = error as NodeJS.ErrnoException;
  if (e?.code === 'ENOENT') return 'no such file';
  if (e?.code === 'EISDIR') return 'it is a folder';
  return error instanceof Error ? error.message : String(error);
}
