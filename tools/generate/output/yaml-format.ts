import type { JsonObject, JsonValue } from '../json-types.js';
import { blockString, inlineString, isBlockString } from './yaml-scalar.js';

function sortedKeys(value: JsonObject): string[] {
  const keys: string[] = [];
  for (const key in value) if (value[key] !== undefined) keys.push(key);
  return keys.sort();
}

function isEmptyCollection(value: JsonValue): boolean {
  if (Array.isArray(value)) return value.length === 0;
  return typeof value === 'object' && value !== null && sortedKeys(value as JsonObject).length === 0;
}

function scalar(value: JsonValue, bodyPad: string): string {
  if (value === null) return 'null';
  if (typeof value === 'string')
    return isBlockString(value) ? blockString(value, bodyPad) : inlineString(value);
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  return String(value);
}

// A mapping whose first line may already carry a prefix (the "- " of a sequence item).
function mapping(object: JsonObject, pad: string, firstPrefix: string): string {
  let out = '';
  let prefix = firstPrefix;
  for (const key of sortedKeys(object)) {
    const value = object[key]!;
    out += `${prefix}${inlineString(key)}:${valueAfterKey(value, pad)}`;
    prefix = pad;
  }
  return out;
}

// Sequences under a key are not indented further, exactly like kubectl's output.
function sequence(items: readonly JsonValue[], pad: string): string {
  let out = '';
  for (const item of items) out += itemText(item, pad);
  return out;
}

function itemText(item: JsonValue, pad: string): string {
  if (typeof item === 'object' && item !== null && !isEmptyCollection(item)) {
    if (Array.isArray(item)) return `${pad}-\n${sequence(item, `${pad}  `)}`;
    return mapping(item as JsonObject, `${pad}  `, `${pad}- `);
  }
  return `${pad}- ${scalar(item, `${pad}  `)}\n`;
}

function valueAfterKey(value: JsonValue, pad: string): string {
  if (typeof value === 'object' && value !== null && !isEmptyCollection(value)) {
    if (Array.isArray(value)) return `\n${sequence(value, pad)}`;
    return `\n${mapping(value as JsonObject, `${pad}  `, `${pad}  `)}`;
  }
  return ` ${scalar(value, `${pad}  `)}\n`;
}

/** One object as a YAML document body in kubectl's style: sorted keys, 2-space indent, no `---`. */
export function formatYaml(object: JsonObject): string {
  return mapping(object, '', '');
}
