import type { BracketText } from './model';

// Which candidate texts (brackets.ts) are unfilled placeholders. In prose: the
// template's own placeholders, generic ones, and descriptive bracketed text that
// fills a whole slot. In code only what the template's code holds verbatim,
// because `results[name]` and `(typeof x)[number]` are code, not gaps.

// Generic placeholders, on top of the template's own texts.
const GENERIC = [
  /^\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\]$/, // [UPPER_SNAKE_CASE]
  /^\[[A-Z]{2,}(?: [A-Z]{2,})+\]$/, // [ALL CAPS WORDS]; one word ([DEFERRED], [MVP]) is a tag
  /^\[(?:TODO|TBD|TBA|FIXME)(?:[:\s].*)?\]$/i,
  /^\[.*NEEDS CLARIFICATION.*\]$/, // also `[e.g., Python 3.11 or NEEDS CLARIFICATION]`
  /^\[(?:e\.g\.|i\.e\.|eg\b|for example\b)/i, // [e.g., …]: an example left for the author to replace
  /^NEEDS CLARIFICATION$/, // found outside brackets only where it marks a question (brackets.ts)
  /^\{\{[ \t]*[A-Z][A-Z0-9]*(?:[_ .-][A-Z0-9]+)*[ \t]*\}\}$/, // {{NAME}}, {{FEATURE_NAME}}
];

// One-word placeholders that are no tag: `[DATE]`, `[Name]`; not `[name]`, which is
// as likely an index (`results[name]`) written outside backticks.
const WORDS =
  /^\[(?:DATE|NAME|TITLE|DESCRIPTION|OWNER|AUTHOR|VERSION|LINK|URL|EMAIL|FEATURE|PROJECT|PLACEHOLDER|Date|Name|Title|Description|Owner|Author|Version|Link|Email|Feature|Project|Placeholder)\]$/;

// Bracketed text that fills a slot and is still no placeholder: tags (`[P]`,
// `[US3]`, `[DEFERRED]`, `[REPO: core]`), route segments and identifiers
// (`[id]`, `[...slug]`), paths and file names, citations and issue numbers,
// status words, text without a letter (`[1]`, `[2024-01-01]`).
const NOT_A_SLOT_PLACEHOLDER = [
  /^\[[\p{Lu}\p{N}][\p{Lu}\p{N}_-]*\]$/u,
  /^\[[A-Z][A-Z0-9_-]*:\s/,
  /^\[(?:\.\.\.)?[a-z$_][\w$.-]*\]$/,
  /^\[[^\s\]]*[/.][^\s\]]*\]$/,
  /^\[(?:@|#\d)/,
  /^\[(?:optional|required|deprecated|unreleased|draft|done|complete|completed|pending|skipped|blocked|wip|n\/a|none|yes|no)\]$/i,
  /^\[[^\p{L}]*\]$/u,
];

// In code, a bracketed type name is an array type (Swift `[String]`, Haskell `[Int]`), even
// when a template writes one in an example: never a slot to fill.
const ARRAY_TYPE =
  /^\[(?:String|Substring|Character|Int|Int\d+|UInt\d*|Double|Float|Decimal|Bool|Any|AnyObject|Data|Date|URL|UUID|Number|number|string|boolean|bool|int|float|str|bytes|char)\??\]$/;

export class PlaceholderMatcher {
  private readonly extra: RegExp[];

  constructor(
    /** Every candidate text of the template. */
    private readonly templatePlaceholders: ReadonlySet<string>,
    extraPatterns: readonly string[],
    /** The template's candidate texts that stand in its code. */
    private readonly templateCodePlaceholders: ReadonlySet<string> = templatePlaceholders,
  ) {
    this.extra = extraPatterns.map((p) => new RegExp(p, 'u'));
  }

  matches(bracket: BracketText): boolean {
    const text = bracket.text;
    if (bracket.inCode) return this.templateCodePlaceholders.has(text) && !ARRAY_TYPE.test(text);
    if (this.templatePlaceholders.has(text)) return true;
    if (WORDS.test(text) || GENERIC.some((re) => re.test(text))) return true;
    if (this.extra.some((re) => re.test(text))) return true;
    return bracket.slot && text.startsWith('[') && !NOT_A_SLOT_PLACEHOLDER.some((re) => re.test(text));
  }
}
