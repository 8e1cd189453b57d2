/**
 * `chokepoint.yaml`: the user's threat model. Parsed and checked here (pure), laid over the defaults, and turned
 * into the AnalysisConfig the prioritizer reads. Every problem names its line, its key and the allowed values.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { AcceptedRisk, AnalysisConfig } from '../prioritize/config.js';
import { TECHNIQUES_BY_ID } from '../techniques/index.js';
import { type TechniqueId, THREAT_MODELS } from '../techniques/types.js';
import { ConfigReader, type KeyPath } from './config-reader.js';

/** The config, or every problem found in it. */
export type ParsedConfig =
  | { readonly ok: true; readonly config: AnalysisConfig }
  | { readonly ok: false; readonly problems: readonly string[] };

const TOP_KEYS = [
  'threatModels',
  'entryPriors',
  'leakedCredentials',
  'crownJewels',
  'acceptedRisks',
  'effort',
  'admission',
];
const PSA_LEVELS = ['privileged', 'baseline', 'restricted'] as const;
const WEIGHT = { min: 0, max: 1000 };
const IDENTITY_REF = /^(User|Group)\/[^/]+$|^ServiceAccount\/[^/]+\/[^/]+$/;
const WORKLOAD_REF = /^[A-Za-z]+\/[^/]+\/[^/#]+$/;
const DATE = /^\d{4}-\d{2}-\d{2}(T[\d:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** Reads `text` (the content of `file`) over `base`. An empty file is the defaults. */
export function parseConfig(text: string, options: { file: string; base: AnalysisConfig }): ParsedConfig {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e) => {
      const line = e.linePos?.[0]?.line ?? 1;
      return `${options.file}:${line}: ${e.message.split('\n')[0]} — fix the YAML (check the indentation)`;
    });
    return { ok: false, problems };
  }
  const r = new ConfigReader(options.file, doc, lines);
  const raw: unknown = doc.toJS() ?? {};
  const top = r.map([], raw, TOP_KEYS);
  if (top === undefined) return { ok: false, problems: r.problems };
  const config = overlay(r, top, options.base);
  return r.problems.length > 0 ? { ok: false, problems: r.problems } : { ok: true, config };
}

/** Numbers of a mapping with fixed keys, each checked by `read`, over `base`. */
function numbers<K extends string>(
  r: ConfigReader,
  path: KeyPath,
  value: unknown,
  spec: { base: Readonly<Record<K, number>>; read: (p: KeyPath, v: unknown) => number | undefined },
): Record<K, number> {
  const out = { ...spec.base } as Record<K, number>;
  if (value === undefined) return out;
  const map = r.map(path, value, Object.keys(spec.base));
  for (const [key, v] of Object.entries(map ?? {})) {
    if (!Object.hasOwn(spec.base, key)) continue;
    const n = spec.read([...path, key], v);
    if (n !== undefined) out[key as K] = n;
  }
  return out;
}

/** A free mapping of name → jewel value in [0, 1]. */
function values(r: ConfigReader, path: KeyPath, value: unknown, keyOk?: RegExp): Record<string, number> {
  const out: Record<string, number> = {};
  if (value === undefined) return out;
  for (const [key, v] of Object.entries(r.map(path, value) ?? {})) {
    if (keyOk !== undefined && !keyOk.test(key)) {
      r.fail([...path, key], 'must be a workload ref Kind/namespace/name, e.g. Deployment/payments/ledger');
      continue;
    }
    const n = r.probability([...path, key], v, true);
    if (n !== undefined) out[key] = n;
  }
  return out;
}

function overlay(r: ConfigReader, top: Record<string, unknown>, base: AnalysisConfig): AnalysisConfig {
  const tm = r.map(['threatModels'], top.threatModels ?? {}, THREAT_MODELS) ?? {};
  const threatModels = { ...base.threatModels };
  for (const name of THREAT_MODELS) {
    if (tm[name] === undefined) continue;
    const entry = r.map(['threatModels', name], tm[name], ['enabled', 'weight']) ?? {};
    const enabled =
      entry.enabled === undefined ? undefined : r.boolean(['threatModels', name, 'enabled'], entry.enabled);
    const weight =
      entry.weight === undefined
        ? undefined
        : r.number(['threatModels', name, 'weight'], entry.weight, WEIGHT);
    threatModels[name] = {
      enabled: enabled ?? threatModels[name].enabled,
      weight: weight ?? threatModels[name].weight,
    };
  }
  const pr = r.map(['entryPriors'], top.entryPriors ?? {}, ['external', 'container', 'credentials']) ?? {};
  const prob = (p: KeyPath, v: unknown) => r.probability(p, v);
  const priors = {
    external: numbers(r, ['entryPriors', 'external'], pr.external, {
      base: base.priors.external,
      read: prob,
    }),
    container: numbers(r, ['entryPriors', 'container'], pr.container, {
      base: base.priors.container,
      read: prob,
    }),
    credentials: numbers(r, ['entryPriors', 'credentials'], pr.credentials, {
      base: base.priors.credentials,
      read: prob,
    }),
  };
  const cj =
    r.map(['crownJewels'], top.crownJewels ?? {}, [
      'clusterAdmin',
      'nodeRoot',
      'secrets',
      'namespaces',
      'nodes',
      'workloads',
    ]) ?? {};
  const jewelValue = (p: KeyPath, v: unknown) => r.probability(p, v, true);
  const { namespaces, nodes, workloads, ...kinds } = cj;
  const jewels = numbers(r, ['crownJewels'], kinds, { base: base.jewels, read: jewelValue });
  const effort = r.map(['effort'], top.effort ?? {}, ['hours', 'oneThingMaxHours']) ?? {};
  const admission =
    r.map(['admission'], top.admission ?? {}, ['podSecurityDefault', 'networkPolicyEnforced', 'policies']) ??
    {};
  const psa =
    admission.podSecurityDefault === undefined
      ? undefined
      : r.oneOf(['admission', 'podSecurityDefault'], admission.podSecurityDefault, PSA_LEVELS);
  const netpol =
    admission.networkPolicyEnforced === undefined
      ? undefined
      : r.boolean(['admission', 'networkPolicyEnforced'], admission.networkPolicyEnforced);
  const oneThing =
    effort.oneThingMaxHours === undefined
      ? undefined
      : r.number(['effort', 'oneThingMaxHours'], effort.oneThingMaxHours, { min: 0.1, max: 1000 });
  return {
    ...base,
    threatModels,
    priors,
    leakedCredentials: strings(r, ['leakedCredentials'], top.leakedCredentials, {
      ok: IDENTITY_REF,
      must: 'must be an identity ref: User/<name>, Group/<name> or ServiceAccount/<namespace>/<name>',
    }),
    jewels,
    jewelOverrides: {
      secrets: values(r, ['crownJewels', 'namespaces'], namespaces),
      nodeRoot: values(r, ['crownJewels', 'nodes'], nodes),
      workloads: values(r, ['crownJewels', 'workloads'], workloads, WORKLOAD_REF),
    },
    acceptedRisks: acceptedRisks(r, top.acceptedRisks),
    effortHours: numbers(r, ['effort', 'hours'], effort.hours, {
      base: base.effortHours,
      read: (p, v) => r.number(p, v, { min: 0.1, max: 1000 }),
    }),
    oneThingMaxHours: oneThing ?? base.oneThingMaxHours,
    assumedPolicies: strings(r, ['admission', 'policies'], admission.policies, {
      ok: /\S/,
      must: 'must be a sentence',
    }),
    model: {
      ...base.model,
      ...(psa === undefined ? {} : { defaultPsaLevel: psa }),
      ...(netpol === undefined ? {} : { networkPolicyEnforced: netpol }),
    },
  };
}

/** A list of strings, each matching `ok`. */
function strings(
  r: ConfigReader,
  path: KeyPath,
  value: unknown,
  check: { ok: RegExp; must: string },
): string[] {
  if (value === undefined) return [];
  const out: string[] = [];
  (r.list(path, value) ?? []).forEach((item, i) => {
    if (typeof item === 'string' && check.ok.test(item)) out.push(item);
    else r.fail([...path, i], check.must, item);
  });
  return out;
}

function acceptedRisks(r: ConfigReader, value: unknown): AcceptedRisk[] {
  if (value === undefined) return [];
  const ids = (Object.keys(TECHNIQUES_BY_ID) as TechniqueId[]).sort();
  const out: AcceptedRisk[] = [];
  (r.list(['acceptedRisks'], value) ?? []).forEach((item, i) => {
    const path = ['acceptedRisks', i];
    const risk = r.map(path, item, ['technique', 'object', 'reason', 'expires']);
    if (risk === undefined) return;
    const technique = r.oneOf([...path, 'technique'], risk.technique, ['*', ...ids]);
    const object = r.string([...path, 'object'], risk.object);
    const reason = r.string([...path, 'reason'], risk.reason);
    const expires =
      typeof risk.expires === 'string' && DATE.test(risk.expires) && !Number.isNaN(Date.parse(risk.expires))
        ? risk.expires
        : r.fail(
            [...path, 'expires'],
            'must be a date, YYYY-MM-DD (an acceptance always expires)',
            risk.expires,
          );
    if (technique && object && reason && expires) out.push({ technique, object, reason, expires });
  });
  return out;
}
