/** Finds and reads `chokepoint.yaml`: the file `--config` names, else `chokepoint.yaml` in the current folder. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { AnalysisConfig } from '../prioritize/config.js';
import { parseConfig } from './parse-config.js';

/** The file name looked for in the current folder. */
export const CONFIG_FILE = 'chokepoint.yaml';

/** The config and where it came from, or every problem (missing file, bad YAML, bad values). */
export type LoadedConfig =
  | { readonly ok: true; readonly config: AnalysisConfig; readonly file?: string }
  | { readonly ok: false; readonly problems: readonly string[] };

/** Reads the config over `base`; with no `--config` and no file in `cwd`, the base is used as is. */
export async function loadConfig(options: {
  readonly explicit?: string;
  readonly cwd: string;
  readonly base: AnalysisConfig;
}): Promise<LoadedConfig> {
  const file = options.explicit ?? CONFIG_FILE;
  let text: string;
  try {
    text = await readFile(options.explicit ?? join(options.cwd, CONFIG_FILE), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (options.explicit === undefined && code === 'ENOENT') return { ok: true, config: options.base };
    return {
      ok: false,
      problems: [
        `--config ${file}: cannot read it (${code ?? 'error'}) — give the path of a chokepoint.yaml, or run chokepoint init to write one`,
      ],
    };
  }
  const parsed = parseConfig(text, { file, base: options.base });
  return parsed.ok ? { ok: true, config: parsed.config, file } : parsed;
}
