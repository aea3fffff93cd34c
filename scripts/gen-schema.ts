// Writes schemas/planmarkrc.schema.json (contributed through `jsonValidation`) from the
// engine's own configuration schemas (zod), its defaults and its rule registry, with the
// manifest's descriptions. `--check` exits 1 when the file on disk is out of date; a unit
// test checks the same and that the schema accepts exactly what the engine accepts.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_CONFIG, RULES } from '../server/src/engine';
import { RULE_LEVELS, configKeys } from '../server/src/engine/config';

const ROOT = join(__dirname, '..');
export const SCHEMA_FILE = join(ROOT, 'schemas', 'planmarkrc.schema.json');

export function buildSchema(): object {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const settings = manifest.contributes.configuration.properties as Record<string, { markdownDescription?: string }>;
  const properties: Record<string, unknown> = {
    $schema: { type: 'string', description: 'The JSON schema of this file.' },
  };
  for (const [key, zodSchema] of Object.entries(configKeys)) {
    const {
      $schema: _,
      description,
      ...schema
    } = z.toJSONSchema(zodSchema as z.ZodType, { target: 'draft-7', unrepresentable: 'any' }) as Record<
      string,
      unknown
    >;
    const defaultValue = (DEFAULT_CONFIG as unknown as Record<string, unknown>)[key];
    const property: Record<string, unknown> = { ...schema };
    if (key === 'rules') {
      // The engine reports unknown rule ids, so the schema names each one.
      delete property.additionalProperties;
      delete property.propertyNames;
      property.properties = Object.fromEntries(
        RULES.map((r) => [
          r.id,
          {
            type: 'string',
            enum: [...RULE_LEVELS],
            markdownDescription: `${r.description} Default: \`${r.defaultSeverity}\`.`,
          },
        ]),
      );
      property.additionalProperties = false;
    }
    if (key === 'placeholderPatterns') property.items = { type: 'string', format: 'regex' };
    if (key === 'template') property.type = ['string', 'null'];
    if (typeof property.maximum === 'number' && property.maximum >= Number.MAX_SAFE_INTEGER) delete property.maximum;
    properties[key] = {
      ...property,
      default: defaultValue ?? null,
      description: `Expected: ${String(description)}.`,
      markdownDescription: settings[`planmark.${key}`]?.markdownDescription ?? `Expected: ${String(description)}.`,
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

if (process.argv[1] && /gen-schema\.ts$/.test(process.argv[1])) {
  if (process.argv.includes('--check')) {
    let current = '';
    try {
      current = readFileSync(SCHEMA_FILE, 'utf8');
    } catch {
      // absent or unreadable: treated as empty below
    }
    if (current !== schemaText()) {
      console.error('schemas/planmarkrc.schema.json is out of date: run `npm run gen`');
      process.exit(1);
    }
  } else {
    writeFileSync(SCHEMA_FILE, schemaText());
    console.log(`wrote ${SCHEMA_FILE}`);
  }
}
