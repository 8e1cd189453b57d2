// Strings a YAML 1.1 reader would turn into something else (bool, null, number, timestamp).
// go-yaml double-quotes exactly these, e.g. `"true"`, `"8080"`, `"2024-01-02T03:04:05Z"`.
const AMBIGUOUS =
  /^(?:~|null|Null|NULL|[yYnN]|yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF|<<|=|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN)|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])*|[-+]?0[xX][0-9a-fA-F_]+|[-+]?0[bB][01_]+|[-+]?0[oO][0-7_]+|[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*(?:[eE][-+]?[0-9]+)?|[-+]?[0-9][0-9_]*[eE][-+]?[0-9]+|\d{4}-\d\d?-\d\d?(?:(?:[Tt]|[ \t]+).*)?)$/;

// Characters that cannot start a plain scalar in block context.
const PLAIN_UNSAFE_START = /^(?:[#,[\]{}&*!|>'"%@`]|[-?:](?:\s|$)|---|\.\.\.)/;
const PLAIN_UNSAFE_INSIDE = /: |:$| #|^\s|\s$|\t/;

// Control characters (other than tab and newline) force double quotes with escapes.
function needsDouble(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code < 0x20 && code !== 0x09 && code !== 0x0a) || (code >= 0x7f && code <= 0x9f)) return true;
  }
  return false;
}

function doubleQuoted(text: string): string {
  return JSON.stringify(text);
}

function singleQuoted(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A string as a one-line YAML scalar the way go-yaml v2 (and so kubectl) picks its style. */
export function inlineString(text: string): string {
  if (text === '' || AMBIGUOUS.test(text) || needsDouble(text)) return doubleQuoted(text);
  if (PLAIN_UNSAFE_START.test(text) || PLAIN_UNSAFE_INSIDE.test(text) || text.includes('\n'))
    return singleQuoted(text);
  return text;
}

/** True when the string prints as a `|` literal block: multi-line, no edge whitespace to preserve. */
export function isBlockString(text: string): boolean {
  return (
    text.includes('\n') &&
    !needsDouble(text) &&
    !/[ \t]\n|\n\n$|^\s|[ \t]$/.test(text) &&
    !text.includes('\t')
  );
}

/** The header and indented body of a literal block scalar (`|` keeps one final newline, `|-` none). */
export function blockString(text: string, pad: string): string {
  const keepsNewline = text.endsWith('\n');
  const body = keepsNewline ? text.slice(0, -1) : text;
  const lines = body.split('\n').map((line) => (line === '' ? '' : pad + line));
  return `|${keepsNewline ? '' : '-'}\n${lines.join('\n')}`;
}
