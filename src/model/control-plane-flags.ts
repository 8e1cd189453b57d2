/**
 * Command-line flags of a control-plane container, with where each one is written so a fix can rewrite it:
 * `--name=value` items of `command` and `args`, a bare `--name` (a boolean set to true), and flags inside a
 * `sh -c "binary --name=value ..."` string.
 */
import { pointer } from '../collect/patch.js';
import { arr, type Obj, str } from './read.js';

/** One flag occurrence: its value, and the list item that holds it. */
export interface Flag {
  readonly name: string;
  readonly value: string;
  /** JSON Pointer to the `command` or `args` item holding the flag. */
  readonly path: string;
  /** The whole item, and the token in it that is this flag (they differ inside a shell string). */
  readonly item: string;
  readonly token: string;
}

/** The flags of one container; a later occurrence wins, as with Go's flag package. */
export interface FlagSet {
  readonly flags: ReadonlyMap<string, Flag>;
  /** Where a new flag goes: appended to `args` when the container has them, else to `command`; '' for none. */
  readonly appendPath: string;
  /** Base names of the words that are not flags (the binary among them), to recognise the process. */
  readonly words: readonly string[];
}

/** Parses one token `--name=value` or `--name`; undefined when it is not a long flag. */
function parseToken(token: string): { name: string; value: string } | undefined {
  if (!token.startsWith('--') || token.length < 3) return undefined;
  const eq = token.indexOf('=');
  return eq < 0
    ? { name: token.slice(2), value: 'true' }
    : { name: token.slice(2, eq), value: token.slice(eq + 1) };
}

/** The base name of a command word, e.g. `/usr/local/bin/kube-apiserver` → `kube-apiserver`. */
export function baseName(word: string): string {
  return word.slice(word.lastIndexOf('/') + 1);
}

/** Reads the flags of a container at `containerPath` (a JSON Pointer to it inside its object). */
export function flagsOf(container: Obj, containerPath: readonly (string | number)[]): FlagSet {
  const flags = new Map<string, Flag>();
  const words: string[] = [];
  let inShell = false;
  for (const list of ['command', 'args'] as const) {
    arr(container[list]).forEach((raw, index) => {
      const item = str(raw);
      if (item === undefined) return;
      const path = pointer(...containerPath, list, index);
      // A shell string carries the whole command line: read each word of it.
      const tokens = /\s/.test(item.trim()) ? item.trim().split(/\s+/) : [item];
      for (const token of tokens) {
        const parsed = parseToken(token);
        if (parsed !== undefined) flags.set(parsed.name, { ...parsed, path, item, token });
        if (parsed !== undefined && tokens.length > 1) inShell = true;
        else if (!token.startsWith('-')) words.push(baseName(token));
      }
    });
  }
  const hasArgs = arr(container.args).length > 0;
  // A new flag cannot be appended as a list item when the command line is one shell string.
  const appendPath = inShell ? '' : pointer(...containerPath, hasArgs ? 'args' : 'command', '-');
  return { flags, appendPath, words };
}

/** True when a comma-separated flag value lists `item`. */
export function listHas(value: string | undefined, item: string): boolean {
  return (value ?? '').split(',').some((part) => part.trim() === item);
}
