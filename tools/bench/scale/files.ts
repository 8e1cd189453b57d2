/** The generated cluster folders of the benches: made when missing, and their input files in sorted order. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The folder of a generated cluster (`R15k` as `json` or `yaml`) under `data`, generated first when missing. */
export function ensureGenerated(data: string, size: string, format: string): string {
  const dir = join(data, `${size}-${format}`);
  if (!existsSync(dir)) {
    const gen = new URL('../../generate/main.js', import.meta.url).pathname;
    const args = [gen, '--size', size, '--format', format, '--out', dir, '--seed', '1'];
    if (spawnSync(process.execPath, args, { stdio: 'inherit' }).status !== 0) throw new Error(`gen ${size}`);
  }
  return dir;
}

/** Every file under `dir`, recursively, sorted. */
export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const path = join(d, name);
      if (statSync(path).isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk(dir);
  return out;
}

/** Summed size of the files, in bytes. */
export function bytesOf(files: readonly string[]): number {
  return files.reduce((sum, file) => sum + statSync(file).size, 0);
}
