/**
 * Child process for the naive-retain baseline: parse every file and keep every object, then print the peak RSS.
 * Run with a large `--max-old-space-size`; the parent reads one JSON line from stdout.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { filesUnder } from './files.js';

const dir = process.argv[2];
if (dir === undefined) throw new Error('usage: retain.js DIR');
const kept: unknown[] = [];
const start = performance.now();
for (const file of filesUnder(dir)) {
  const text = readFileSync(file, 'utf8');
  if (file.endsWith('.json')) kept.push(JSON.parse(text));
  else for (const doc of text.split(/^---$/m)) kept.push(parseYaml(doc));
}
const wallMs = performance.now() - start;
process.stdout.write(
  `${JSON.stringify({ kept: kept.length, wallMs, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`,
);
