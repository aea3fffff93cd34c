import { checklist } from './checklist';
import { kiroTasks } from './kiro';
import type { Profile } from './profile';
import { reference } from './reference';
import { specKitPlan, specKitTasks } from './specKit';

// The built-in profiles. Adding one: write profiles/<id>.ts, list it here (detection
// tries convention and content tests in this order), document it in docs/profiles/<id>.md.

export const PROFILES: readonly Profile[] = [reference, specKitPlan, specKitTasks, kiroTasks, checklist];

export const PROFILE_IDS: readonly string[] = PROFILES.map((p) => p.id);

export function profileById(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}
