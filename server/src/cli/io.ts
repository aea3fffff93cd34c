import { resolve } from 'node:path';
import { engineFor, loadSettings, type LoadedSettings } from '../node/settings';
import type { PlanEngine } from '../engine';

// What a command needs from its surroundings, passed in so that the commands
// hold no process globals of their own.

export interface Io {
  cwd: string;
  /** Colour is used only when stdout is a terminal and NO_COLOR is unset. */
  color: boolean;
  out(text: string): void;
  err(text: string): void;
}

export interface SettingsFlags {
  config?: string;
  template?: string;
}

/**
 * The engine for the workspace at cwd: `--config` or `.planmarkrc.json`, and
 * `--template` or the configured one. Configuration problems are warnings on
 * stderr; they never stop a check. Undefined when even the built-in template
 * cannot be read (a broken install).
 */
export function loadEngine(flags: SettingsFlags, io: Io): { engine: PlanEngine; settings: LoadedSettings } | undefined {
  let settings: LoadedSettings;
  try {
    settings = loadSettings({
      root: io.cwd,
      configFile: flags.config === undefined ? undefined : resolve(io.cwd, flags.config),
      template: flags.template === undefined ? undefined : resolve(io.cwd, flags.template),
    });
  } catch (error) {
    io.err(`planmark: cannot load the built-in template (${(error as Error).message})\n`);
    return undefined;
  }
  for (const p of settings.problems) io.err(`planmark: warning: ${p.message}\n`);
  return { engine: engineFor(settings), settings };
}
