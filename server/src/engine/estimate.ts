// Estimates as people write them: `4h`, `4 hours`, `1.5d`, `2 days`, `30m`,
// `1w`, `2-3 hours`, `~4h`, `1d 4h`, `4h (with review)`.

const UNIT_HOURS: Array<[RegExp, number | 'day' | 'week']> = [
  [/^(?:m|mins?|minutes?)$/i, 1 / 60],
  [/^(?:h|hrs?|hours?)$/i, 1],
  [/^(?:d|days?)$/i, 'day'],
  [/^(?:w|wks?|weeks?)$/i, 'week'],
];

const NUMBER = String.raw`\d+(?:[.,]\d+)?`;
const UNIT = String.raw`[a-zA-Z]+`;
// One duration: a number or a range, then a unit. The second number only after a range
// separator: otherwise `1111h` splits many ways and backtracks exponentially.
const part = (group: '(' | '(?:') =>
  String.raw`${group}${NUMBER})(?:(?:\s*[-–—]\s*|\s+to\s+)${group}${NUMBER}))?\s*${group}${UNIT})`;
const PART = part('(');
const ESTIMATE = new RegExp(
  String.raw`^(?:~|≈|about\s+|approx\.?\s+|ca\.?\s+)?\s*(?:${part('(?:')}\s*[+,]?\s*)+(?:\s*\(.*\))?$`,
  'i',
);
const PART_GLOBAL = new RegExp(PART, 'gi');

export interface DurationOptions {
  hoursPerDay: number;
  daysPerWeek: number;
}

/** Hours for an estimate (a range counts as its midpoint), or undefined when it is not a duration. */
export function parseEstimate(value: string, options: DurationOptions): number | undefined {
  const text = value.replace(/[`*_]/g, '').trim();
  if (!ESTIMATE.test(text)) return undefined;
  let hours = 0;
  PART_GLOBAL.lastIndex = 0;
  for (let m = PART_GLOBAL.exec(text); m; m = PART_GLOBAL.exec(text)) {
    const unit = UNIT_HOURS.find(([re]) => re.test(m[3]));
    if (!unit) return undefined;
    const scale =
      unit[1] === 'day'
        ? options.hoursPerDay
        : unit[1] === 'week'
          ? options.hoursPerDay * options.daysPerWeek
          : unit[1];
    const low = Number(m[1].replace(',', '.'));
    const high = m[2] ? Number(m[2].replace(',', '.')) : low;
    hours += ((low + high) / 2) * scale;
  }
  return hours;
}
