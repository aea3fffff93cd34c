import type { BracketText } from './model';

// Generic placeholders, on top of the template's own bracketed texts.
const GENERIC = [
  /^\[[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\]$/, // [UPPER_SNAKE_CASE]
  /^\[(?:TODO|TBD|TBA|FIXME)(?:[:\s].*)?\]$/i,
  /^\[NEEDS CLARIFICATION(?::.*)?\]$/i,
];

export class PlaceholderMatcher {
  private readonly extra: RegExp[];

  constructor(
    private readonly templatePlaceholders: ReadonlySet<string>,
    extraPatterns: readonly string[],
  ) {
    this.extra = extraPatterns.map((p) => new RegExp(p, 'u'));
  }

  /** Inside code only the template's exact placeholders count: `arr[index]` is code, `[ModelName]` is not. */
  matches(bracket: BracketText): boolean {
    if (this.templatePlaceholders.has(bracket.text)) return true;
    if (bracket.inCode) return false;
    return GENERIC.some((re) => re.test(bracket.text)) || this.extra.some((re) => re.test(bracket.text));
  }
}
