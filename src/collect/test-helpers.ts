/** Test helpers for the collect stage: fixture paths as a user would type them, temp folders, stdin streams. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { SnapshotObject } from './snapshot.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** A fixture path under `test/fixtures/collect`, relative to the working directory. */
export function fixture(...parts: string[]): string {
  return relative(process.cwd(), join(REPO_ROOT, 'test', 'fixtures', 'collect', ...parts));
}

/** A path under the repository root, relative to the working directory. */
export function repoPath(...parts: string[]): string {
  return relative(process.cwd(), join(REPO_ROOT, ...parts));
}

/** Runs `body` with a fresh temporary folder, removed afterwards. */
export async function withTempDir<T>(body: (dir: string) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'chokepoint-collect-'));
  try {
    return await body(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/** A stdin stand-in that yields `text` in chunks of `size` bytes. */
export function stdinOf(text: string | Buffer, size = 1 << 16): Readable {
  const bytes = typeof text === 'string' ? Buffer.from(text) : text;
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) chunks.push(bytes.subarray(i, i + size));
  return Readable.from(chunks);
}

/** The objects by ref, for lookups in assertions. */
export function byRef(objects: readonly SnapshotObject[]): Map<string, SnapshotObject> {
  return new Map(objects.map((object) => [object.ref, object]));
}
