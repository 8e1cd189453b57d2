import { timestamp } from '../clock.js';
import type { JsonObject, JsonValue } from '../json-types.js';

// Merge keys of the list types we emit, in the order the API's structured-merge schema uses.
const LIST_KEYS: readonly (readonly string[])[] = [
  ['containerPort', 'protocol'],
  ['port', 'protocol'],
  ['mountPath'],
  ['uid'],
  ['name'],
  ['type'],
  ['ip'],
];
const ATOMIC = new Set([
  'containerStatuses',
  'tolerations',
  'nodeSelectorTerms',
  'subjects',
  'rules',
  'items',
]);

const isObject = (v: JsonValue | undefined): v is JsonObject =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function listKey(item: JsonObject): string | undefined {
  for (const fields of LIST_KEYS) {
    if (!fields.every((f) => item[f] !== undefined)) continue;
    const key: Record<string, JsonValue> = {};
    for (const f of fields) key[f] = item[f]!;
    return `k:${JSON.stringify(key)}`;
  }
  return undefined;
}

function fieldsOfValue(name: string, value: JsonValue, level: number): JsonObject {
  if (isObject(value) && Object.keys(value).length > 0) return walk(value, level + 1, level >= 2);
  if (!Array.isArray(value) || ATOMIC.has(name) || value.length === 0 || !isObject(value[0])) return {};
  const out: Record<string, JsonObject> = { '.': {} };
  for (const item of value as readonly JsonObject[]) {
    const key = listKey(item);
    if (key === undefined) return {};
    out[key] = walk(item, level + 2, true);
  }
  return out;
}

function walk(value: JsonObject, level: number, dotted: boolean): JsonObject {
  const out: Record<string, JsonObject> = dotted ? { '.': {} } : {};
  for (const key in value) {
    const v = value[key];
    if (v !== undefined) out[`f:${key}`] = fieldsOfValue(key, v, level);
  }
  return out;
}

/**
 * The FieldsV1 set describing `value`: `f:` for fields, `k:` for keyed list items, `.` for
 * nested maps. Derived from the object itself so managedFields always match what is present.
 */
export function fieldsOf(value: JsonObject): JsonObject {
  return walk(value, 1, false);
}

let showManagedFields = false;

/**
 * Whether objects carry metadata.managedFields. Off by default, as in `kubectl get` since
 * v1.21; on, they roughly double a pod's size, so the 6-10 KB pod target assumes off.
 */
export function setShowManagedFields(on: boolean): void {
  showManagedFields = on;
}

/** Current managedFields setting; builders skip computing them when off. */
export function managedFieldsShown(): boolean {
  return showManagedFields;
}

/** Who wrote a set of fields, and how. */
export interface ManagerInput {
  readonly manager: string;
  readonly apiVersion: string;
  readonly time: number;
  readonly fields: JsonObject;
  readonly subresource?: string;
  readonly operation?: 'Update' | 'Apply';
}

/** One managedFields entry. */
export function managedEntry(input: ManagerInput): JsonObject {
  return {
    apiVersion: input.apiVersion,
    fieldsType: 'FieldsV1',
    fieldsV1: input.fields,
    manager: input.manager,
    operation: input.operation ?? 'Update',
    subresource: input.subresource,
    time: timestamp(input.time),
  };
}
