// Shared by the generators (gen-schema.ts, gen-grammar.ts): write each generated file, or
// with `--check` report the ones whose content on disk differs (exit code 1).
import { readFileSync, writeFileSync } from 'node:fs';

export function writeOrCheck(outputs: Array<[file: string, text: () => string]>): void {
  for (const [file, text] of outputs) {
    if (process.argv.includes('--check')) {
      let current = '';
      try {
        current = readFileSync(file, 'utf8');
      } catch {
        // absent or unreadable: treated as empty below
      }
      if (current !== text()) {
        console.error(`${file} is out of date: run \`npm run gen\``);
        process.exitCode = 1;
      }
    } else {
      writeFileSync(file, text());
      console.log(`wrote ${file}`);
    }
  }
}
