import { DEFAULT_CONFIG, PlanEngine, type PlanConfig, type Range, type RepoFacts } from '../../src/engine';
import type { PlanDocument, WorkspaceFiles } from '../../src/features/document';
import { TEMPLATE_TEXT } from '../engine/helpers';

export { lines } from '../engine/helpers';

export const URI = 'file:///ws/plan.md';
export const TODAY = '2026-11-24';

const engines = new Map<string, PlanEngine>();

/** An in-memory plan document analysed with the reference template (and settings, if given). */
export function planDoc(text: string, config: Partial<PlanConfig> = {}, uri = URI): PlanDocument {
  const key = JSON.stringify(config);
  let engine = engines.get(key);
  if (!engine) engines.set(key, (engine = new PlanEngine(TEMPLATE_TEXT, { ...DEFAULT_CONFIG, ...config })));
  return { uri, engine, analysis: engine.analyze(text, { today: TODAY }) };
}

/**
 * A plan document analysed as the language server does for a file at `path` (relative to the
 * repository root), with what it knows of the repository: its profile is detected.
 */
export function profiledDoc(text: string, path: string, facts: RepoFacts = {}): PlanDocument {
  const engine = new PlanEngine(TEMPLATE_TEXT, { ...DEFAULT_CONFIG });
  return { uri: `file:///ws/${path}`, engine, analysis: engine.analyze(text, { today: TODAY, path, facts }) };
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function pos(line: number, character: number) {
  return { line, character };
}

/** A workspace holding exactly these files (relative paths). */
export function files(...paths: string[]): WorkspaceFiles {
  return {
    list: async () => paths,
    resolve: (_uri, path) =>
      paths.includes(path.replace(/^\.\//, '')) ? `file:///ws/${path.replace(/^\.\//, '')}` : undefined,
  };
}
