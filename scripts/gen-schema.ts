// Writes what is derived from the engine's configuration and its rule registry:
// - schemas/planmarkrc.schema.json (contributed through `jsonValidation`) from the engine's
//   own configuration schemas (zod), its defaults and rules, with the manifest's descriptions;
// - the manifest's per-rule settings, `contributes.configuration.properties["planmark.rules"]`
//   in package.json (each rule's severity setting, described from the registry);
// - the manifest's language-model tools, `contributes.languageModelTools`, from the agent
//   tools' own descriptions and input schemas (server/src/agents/planTools.ts).
// `--check` exits 1 when either file is out of date; unit tests check the same (drift) and
// that the schema accepts exactly what the engine accepts. Run by `npm run gen`.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeOrCheck } from './generated';
import { z } from 'zod';
import { DEFAULT_CONFIG, RULES, RULES_DOC, ruleDocsUrl } from '../server/src/engine';
import { CONFIG_EXPECTS, RULE_LEVELS, configKeys, type ConfigKey } from '../server/src/engine/config';
import { toJSONSchema } from 'zod/mini';
import { inputShapes, TOOL_DESCRIPTIONS, TOOL_NAMES } from '../server/src/agents/planTools';

const ROOT = join(__dirname, '..');
export const SCHEMA_FILE = join(ROOT, 'schemas', 'planmarkrc.schema.json');
export const MANIFEST_FILE = join(ROOT, 'package.json');

/** One rule's severity setting, the same in the manifest and in the schema. */
function ruleSetting(r: (typeof RULES)[number]): object {
  return {
    type: 'string',
    enum: [...RULE_LEVELS],
    markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`. [Documentation](${ruleDocsUrl(r.id)}).`,
  };
}

/** package.json with its `planmark.rules` setting written from the rule registry. */
export function manifestText(): string {
  const manifest = JSON.parse(readFileSync(MANIFEST_FILE, 'utf8'));
  const rules = manifest.contributes.configuration.properties['planmark.rules'];
  rules.markdownDescription = `Severity per rule id, or \`off\`. See [the rules](${RULES_DOC}).`;
  rules.properties = Object.fromEntries(RULES.map((r) => [r.id, ruleSetting(r)]));
  manifest.contributes.languageModelTools = languageModelTools();
  return JSON.stringify(manifest, null, 2) + '\n';
}

/** VS Code's declaration of each agent tool: what `planmark mcp` serves, as language-model tools. */
function languageModelTools(): object[] {
  return TOOL_NAMES.map((name) => {
    const { $schema: _, ...inputSchema } = z.toJSONSchema(z.object(inputShapes[name]), { target: 'draft-7' });
    const { title, description } = TOOL_DESCRIPTIONS[name];
    return {
      name: `planmark_${name}`,
      toolReferenceName: name.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase()),
      displayName: title,
      userDescription: description,
      modelDescription: `${description} Paths are relative to the workspace folder.`,
      canBeReferencedInPrompt: true,
      icon: '$(checklist)',
      tags: ['planmark', 'plans'],
      inputSchema,
    };
  });
}

export function buildSchema(): object {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const settings = manifest.contributes.configuration.properties as Record<string, { markdownDescription?: string }>;
  const properties: Record<string, unknown> = {
    $schema: { type: 'string', description: 'The JSON schema of this file.' },
  };
  for (const [key, zodSchema] of Object.entries(configKeys)) {
    const { $schema: _, ...schema } = toJSONSchema(zodSchema, { target: 'draft-7', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    const description = CONFIG_EXPECTS[key as ConfigKey];
    const defaultValue = (DEFAULT_CONFIG as unknown as Record<string, unknown>)[key];
    const property: Record<string, unknown> = { ...schema };
    if (key === 'rules') {
      // The engine reports unknown rule ids, so the schema names each one.
      delete property.additionalProperties;
      delete property.propertyNames;
      property.properties = Object.fromEntries(RULES.map((r) => [r.id, ruleSetting(r)]));
      property.additionalProperties = false;
    }
    if (key === 'placeholderPatterns') property.items = { type: 'string', format: 'regex' };
    if (key === 'template') property.type = ['string', 'null'];
    if (typeof property.maximum === 'number' && property.maximum >= Number.MAX_SAFE_INTEGER) delete property.maximum;
    properties[key] = {
      ...property,
      default: defaultValue ?? null,
      description: `Expected: ${description}.`,
      markdownDescription: settings[`planmark.${key}`]?.markdownDescription ?? `Expected: ${description}.`,
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'planmark configuration (.planmarkrc.json)',
    description: 'Settings for planmark. They win over the planmark.* settings of VS Code for the folder they are in.',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

export function schemaText(): string {
  return JSON.stringify(buildSchema(), null, 2) + '\n';
}

if (process.argv[1] && /gen-schema\.ts$/.test(process.argv[1]))
  // The manifest first: the schema takes the manifest's descriptions.
  writeOrCheck([
    [MANIFEST_FILE, manifestText],
    [SCHEMA_FILE, schemaText],
  ]);
