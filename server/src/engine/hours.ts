// Hours and progress words as every surface shows them (code lens, hover, symbols,
// the CLI's outline, the Plan view and the status bar), so that one sum reads the same
// everywhere. A leaf module with no imports: the client bundle takes it without the engine.

/** 24 → "24h", 2.05 → "2.1h", 2 → "2h", 0.5 → "30m" (under an hour, in minutes). */
export function formatHours(hours: number): string {
  const minutes = Math.round(hours * 60);
  if (hours > 0 && minutes < 60) return `${minutes}m`;
  // One decimal, rounded half up (the epsilon undoes binary fractions: 2.05 * 10 is 20.499…).
  return `${Math.round(hours * 10 + 1e-9) / 10}h`;
}

/** What progress says beside done/total, when there is any: `2 in progress`, `optional 1/4`. */
export function progressExtras(p: { inProgress: number; optionalDone: number; optionalTotal: number }): string[] {
  const extras: string[] = [];
  if (p.inProgress > 0) extras.push(`${p.inProgress} in progress`);
  if (p.optionalTotal > 0) extras.push(`optional ${p.optionalDone}/${p.optionalTotal}`);
  return extras;
}
