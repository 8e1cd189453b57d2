/**
 * The kubectl command that applies a fix to a live cluster. The patch is the same JSON Patch the analysis
 * measured, so what the user runs is exactly what was scored.
 */
import type { PatchOp } from '../collect/patch.js';

/** Characters that never need quoting in a POSIX shell word. */
const SHELL_SAFE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** Quotes a word for a POSIX shell: single quotes, with each `'` written as `'\''`. */
export function shellQuote(word: string): string {
  if (word !== '' && SHELL_SAFE.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

/** Splits a ref `Kind/ns/name` or `Kind/name` into its parts; a malformed ref is a bug in the caller. */
function parseRef(target: string): { kind: string; namespace?: string; name: string } {
  const parts = target.split('/');
  if (parts.length === 2 && parts[0] && parts[1]) return { kind: parts[0], name: parts[1] };
  if (parts.length === 3 && parts[0] && parts[1] && parts[2]) {
    return { kind: parts[0], namespace: parts[1], name: parts[2] };
  }
  throw new Error(`kubectlCommand: target ${JSON.stringify(target)} is not a ref Kind/ns/name or Kind/name`);
}

/**
 * `kubectl delete <kind> <name> [-n <ns>]` when the fix deletes the object, otherwise
 * `kubectl patch <kind> <name> [-n <ns>] --type=json -p '<ops>'`.
 */
export function kubectlCommand(fix: { readonly target: string; readonly ops: readonly PatchOp[] }): string {
  const { kind, namespace, name } = parseRef(fix.target);
  const object = [kind.toLowerCase(), shellQuote(name)];
  if (namespace !== undefined) object.push('-n', shellQuote(namespace));
  if (fix.ops.some((op) => op.op === 'delete-object')) return ['kubectl', 'delete', ...object].join(' ');
  const json = JSON.stringify(fix.ops);
  return ['kubectl', 'patch', ...object, '--type=json', '-p', `'${json.replace(/'/g, `'\\''`)}'`].join(' ');
}
