/** Which files an input list names: files as given, folders walked recursively, `-` for stdin. */
import { readdir, stat } from 'node:fs/promises';
import { extname, sep } from 'node:path';
import { gapAt } from './gaps.js';
import type { Gap } from './snapshot.js';

/** How stdin appears in locations and messages. */
export const STDIN_NAME = '<stdin>';

/** Extensions read from folders; files named explicitly are read whatever their extension. */
export const MANIFEST_EXTENSIONS: ReadonlySet<string> = new Set(['.yaml', '.yml', '.json']);

/** The files to read, in the order to read them, and what could not be resolved. */
export interface ResolvedInputs {
  readonly files: readonly string[];
  readonly gaps: readonly Gap[];
}

/** The format a file is read as. */
export type InputFormat = 'json' | 'yaml';

/** A message for a failed file-system call, by its error code. */
export function fsProblem(error: unknown): { readonly what: string; readonly todo: string } {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return { what: 'no such file or directory', todo: 'check the path' };
  if (code === 'EACCES' || code === 'EPERM')
    return { what: 'permission denied', todo: "check the file's permissions" };
  if (code === 'EISDIR') return { what: 'is a folder', todo: 'pass the folder itself' };
  if (code === undefined) throw error;
  return { what: `cannot be read (${code})`, todo: 'check the path' };
}

/** Resolves inputs to a sorted, de-duplicated file list; stdin is named `<stdin>`. */
export async function resolveInputs(inputs: readonly string[]): Promise<ResolvedInputs> {
  const files = new Set<string>();
  const gaps: Gap[] = [];
  for (const input of inputs) {
    if (input === '-') {
      files.add(STDIN_NAME);
      continue;
    }
    try {
      const info = await stat(input);
      if (!info.isDirectory()) files.add(input);
      else {
        const found = await walk(input);
        if (found.length === 0) {
          const todo = 'point at the folder that holds the manifests';
          gaps.push(
            gapAt('not-found', { file: input }, 'no .yaml, .yml or .json files in this folder', todo),
          );
        }
        for (const file of found) files.add(file);
      }
    } catch (error) {
      const problem = fsProblem(error);
      gaps.push(gapAt('unreadable', { file: input }, problem.what, problem.todo));
    }
  }
  return { files: [...files].sort(), gaps };
}

/** Manifest files under a folder, skipping hidden entries (`.git`) and `node_modules`; symlinked folders too. */
async function walk(folder: string): Promise<string[]> {
  const prefix = folder.endsWith('/') || folder.endsWith(sep) ? folder : `${folder}${sep}`;
  const out: string[] = [];
  const entries = await readdir(folder, { withFileTypes: true });
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const path = `${prefix}${entry.name}`;
    if (entry.isDirectory()) for (const file of await walk(path)) out.push(file);
    else if (!MANIFEST_EXTENSIONS.has(extname(entry.name).toLowerCase())) continue;
    else if (entry.isFile()) out.push(path);
    else if (entry.isSymbolicLink() && (await stat(path).catch(() => undefined))?.isFile() === true)
      out.push(path);
  }
  return out;
}

/**
 * The format to read: `.json` files as JSON, others as JSON when their first character is `{` (kubectl output
 * saved under any name), else YAML. `head` is the first chunk of the file.
 */
export function formatOf(file: string, head: Buffer): InputFormat {
  if (extname(file).toLowerCase() === '.json') return 'json';
  let i = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x0a || head[i] === 0x0d || head[i] === 0x09))
    i++;
  return head[i] === 0x7b ? 'json' : 'yaml';
}

/**
 * True when the first 64 bytes hold a NUL: a binary file (image, archive and executable headers all do), not
 * text. Only the head counts: a NUL further on is one broken document, skipped on its own, so a stray byte in one
 * manifest of a multi-document file cannot hide the others.
 */
export function isBinary(head: Buffer): boolean {
  return head.subarray(0, 64).includes(0);
}
