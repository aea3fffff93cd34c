import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { builtinSchema } from './builtinSchema';
import { PlanEngine, RULE_IDS, resolveConfig, type ConfigProblem, type PlanConfig } from '../engine';

// The disk side of configuration, shared by the CLI and the language server so
// that both build the same engine for the same files: `.planmarkrc.json` at the
// workspace root, editor settings, and the template file they name.

export const RC_FILE = '.planmarkrc.json';

/** The reference template shipped with planmark: next to the bundles in dist/, or in the source tree. */
function builtinTemplatePath(): string {
  const candidates = [
    join(__dirname, 'templates', 'implementation-plan.md'),
    join(__dirname, '..', '..', 'templates', 'implementation-plan.md'),
  ];
  return candidates.find((p) => existsSync(p)) ?? candidates[0];
}

export interface LoadOptions {
  /** Workspace root: where `.planmarkrc.json` is looked for and relative template paths start. */
  root?: string;
  /** Editor settings (`planmark.*`), already an object. */
  settings?: unknown;
  /** An explicit configuration file (CLI `--config`); replaces the root's `.planmarkrc.json`. */
  configFile?: string;
  /** An explicit template (CLI `--template`); wins over any configured one. */
  template?: string;
  /**
   * Restricted Mode (an untrusted workspace): a configured template is read only
   * when it lies inside `root`, so that a cloned repository cannot make the editor
   * read (and show, in hovers and completions) a file from elsewhere on the machine.
   */
  restricted?: boolean;
}

export interface LoadedSettings {
  config: PlanConfig;
  problems: ConfigProblem[];
  templatePath: string;
  templateText: string;
  /** The team's own template (configured or `--template`) as output names it; undefined for the built-in one. */
  customTemplate?: string;
  /** Files whose change should trigger re-validation. */
  watched: string[];
}

export function loadSettings(options: LoadOptions): LoadedSettings {
  const problems: ConfigProblem[] = [];
  const rcPath = options.configFile
    ? resolve(options.configFile)
    : options.root
      ? join(options.root, RC_FILE)
      : undefined;
  const rc = rcPath ? readJson(rcPath, !!options.configFile, problems) : undefined;
  const fromSettings = resolveConfig(options.settings, RULE_IDS, 'planmark');
  const fromRc = resolveConfig(rc, RULE_IDS, rcPath ? RC_FILE : 'config');
  problems.push(...fromSettings.problems, ...fromRc.problems);
  // The workspace's committed file wins over personal editor settings, so that
  // the editor shows what CI's `planmark check` reports.
  const config: PlanConfig = { ...fromSettings.config };
  const rcKeys = rc && typeof rc === 'object' ? Object.keys(rc) : [];
  for (const key of rcKeys) {
    if (fromRc.problems.some((p) => p.key === key)) continue;
    if (key === 'rules') config.rules = { ...fromSettings.config.rules, ...fromRc.config.rules };
    else if (key in fromRc.config)
      (config as unknown as Record<string, unknown>)[key] = (fromRc.config as unknown as Record<string, unknown>)[key];
  }
  const base = rc !== undefined && rcPath ? dirname(rcPath) : (options.root ?? process.cwd());
  const requested = options.template
    ? resolve(options.template)
    : config.template
      ? isAbsolute(config.template)
        ? config.template
        : join(base, config.template)
      : undefined;
  let templatePath = builtinTemplatePath();
  let templateText: string | undefined;
  if (requested && options.restricted && !options.template && !isInside(requested, options.root)) {
    problems.push({
      key: 'template',
      message: `template: ${requested} is outside the workspace and is not read in Restricted Mode; using the built-in template`,
    });
  } else if (requested) {
    try {
      templateText = readFileSync(requested, 'utf8');
      templatePath = requested;
    } catch (error) {
      problems.push({
        key: 'template',
        message: `template: cannot read ${requested} (${(error as NodeJS.ErrnoException).code ?? String(error)}); using the built-in template`,
      });
    }
  }
  const customTemplate =
    templateText === undefined
      ? undefined
      : isInside(templatePath, options.root)
        ? relative(options.root!, templatePath).split('\\').join('/')
        : templatePath;
  templateText ??= readFileSync(templatePath, 'utf8');
  const watched = [rcPath, requested].filter((p): p is string => p !== undefined);
  return { config, problems, templatePath, templateText, customTemplate, watched };
}

function readJson(path: string, required: boolean, problems: ConfigProblem[]): unknown {
  let text: string;
  try {
    if (!statSync(path).isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' && !required) return undefined;
    problems.push({ key: RC_FILE, message: `${path}: cannot read it (${code ?? String(error)})` });
    return undefined;
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    problems.push({
      key: RC_FILE,
      message: `${path}: not valid JSON (${(error as Error).message}); using the defaults`,
    });
    return undefined;
  }
}

const engines = new Map<string, PlanEngine>();
const engineOf = new WeakMap<object, PlanEngine>();

/**
 * One engine per template text and configuration: deriving a template costs a parse.
 * The server asks on every analysis with the same settings object, so the engine is
 * remembered on it; building the content key (the whole template) happens once per load.
 */
export function engineFor(
  settings: Pick<LoadedSettings, 'config' | 'templateText'> & Partial<Pick<LoadedSettings, 'customTemplate'>>,
): PlanEngine {
  let engine = engineOf.get(settings);
  if (engine) return engine;
  const key = JSON.stringify(settings.config) + '\0' + (settings.customTemplate ?? '') + '\0' + settings.templateText;
  engine = engines.get(key);
  if (!engine) {
    if (engines.size > 16) engines.clear();
    engine = new PlanEngine(
      settings.templateText,
      settings.config,
      settings.customTemplate,
      builtinSchema(settings.templateText),
    );
    engines.set(key, engine);
  }
  engineOf.set(settings, engine);
  return engine;
}

function isInside(path: string, root: string | undefined): boolean {
  if (!root) return false;
  const rel = relative(resolve(root), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}
