import type { JsonObject, JsonValue } from '../json-types.js';

const STEP = '    ';
const HTML_UNSAFE = /[<>&\u2028\u2029]/g;

// Go's encoding/json escapes these even inside strings, and kubectl prints with it.
function goQuote(text: string): string {
  const quoted = JSON.stringify(text);
  return HTML_UNSAFE.test(quoted)
    ? quoted.replace(HTML_UNSAFE, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)
    : quoted;
}

function sortedKeys(value: JsonObject): string[] {
  const keys: string[] = [];
  for (const key in value) if (value[key] !== undefined) keys.push(key);
  return keys.sort();
}

/**
 * Serialise like `kubectl get -o json`: keys sorted (kubectl prints unstructured maps),
 * four-space indent, `{}`/`[]` for empties; `pad` is the indent of the line the value starts on.
 */
export function formatJson(value: JsonValue, pad = ''): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return goQuote(value);
  if (typeof value !== 'object') return String(value);
  const inner = pad + STEP;
  if (Array.isArray(value)) {
    const items = value as readonly JsonValue[];
    if (items.length === 0) return '[]';
    let out = '[\n';
    for (let i = 0; i < items.length; i++) {
      out += inner + formatJson(items[i]!, inner) + (i + 1 < items.length ? ',\n' : '\n');
    }
    return `${out}${pad}]`;
  }
  const object = value as JsonObject;
  const keys = sortedKeys(object);
  if (keys.length === 0) return '{}';
  let out = '{\n';
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    out += `${inner}${goQuote(key)}: ${formatJson(object[key]!, inner)}${i + 1 < keys.length ? ',\n' : '\n'}`;
  }
  return `${out}${pad}}`;
}
