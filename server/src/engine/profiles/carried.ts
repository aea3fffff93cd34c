import { parsePlan } from '../parse';
import type { Section } from '../model';

// What a plan carries of its template, for RepositoryTemplate.carried: the text of every
// heading of its sections, at any depth (a required section is found nested too).

export function carriedHeadings(text: string): string[] {
  const all: string[] = [];
  const walk = (sections: Section[]) => {
    for (const s of sections) {
      all.push(s.heading.text);
      walk(s.children);
    }
  };
  walk(parsePlan(text).sections);
  return all;
}
