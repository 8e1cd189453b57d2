#!/usr/bin/env node
/** `npm run docs`: writes docs/techniques/ from the technique metadata and removes pages of no technique. */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DOCS_DIR, expectedPages } from './render.js';

const pages = expectedPages();
await mkdir(DOCS_DIR, { recursive: true });
for (const name of await readdir(DOCS_DIR)) {
  if (name.endsWith('.md') && !pages.has(name)) {
    await rm(join(DOCS_DIR, name));
    process.stderr.write(`docs: removed ${join(DOCS_DIR, name)}, which documents no technique\n`);
  }
}
for (const [name, text] of pages) await writeFile(join(DOCS_DIR, name), text);
process.stderr.write(`docs: wrote ${pages.size} page(s) to ${DOCS_DIR}\n`);
