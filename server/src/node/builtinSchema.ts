import { deserialize, serialize } from 'node:v8';
import type { TemplateSchema } from '../engine';

// The built-in template's schema, derived when the bundles are built (esbuild.mjs)
// rather than at every start: deriving it parses the template, the largest part of
// a one-plan `planmark check`. The schema has cycles and Sets, so it travels in V8's
// serialization format (which newer Node versions keep reading), as base64.

declare const __PLANMARK_BUILTIN_TEMPLATE__: string | undefined;
declare const __PLANMARK_BUILTIN_SCHEMA__: string | undefined;

let decoded: TemplateSchema | undefined;

/** The prebuilt schema when `templateText` is the built-in template the bundle was built with; else undefined (derive it). */
export function builtinSchema(templateText: string): TemplateSchema | undefined {
  if (typeof __PLANMARK_BUILTIN_TEMPLATE__ === 'undefined' || typeof __PLANMARK_BUILTIN_SCHEMA__ === 'undefined')
    return undefined;
  if (templateText !== __PLANMARK_BUILTIN_TEMPLATE__) return undefined;
  decoded ??= decodeSchema(__PLANMARK_BUILTIN_SCHEMA__);
  return decoded;
}

export function encodeSchema(schema: TemplateSchema): string {
  return serialize(schema).toString('base64');
}

export function decodeSchema(encoded: string): TemplateSchema {
  return deserialize(Buffer.from(encoded, 'base64')) as TemplateSchema;
}
