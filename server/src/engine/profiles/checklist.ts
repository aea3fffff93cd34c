import { BASIC_STATES, type Profile } from './profile';
import { UNIVERSAL_RULES } from './universal';

// The checklist profile: any Markdown plan that follows no known format. It has
// no section schema; only the rules that hold for every plan run.

export const checklist: Profile = {
  id: 'checklist',
  title: 'checklist',
  schemaFrom: 'none',
  sections: [],
  tasks: { markers: [], states: BASIC_STATES },
  rules: UNIVERSAL_RULES,
};
