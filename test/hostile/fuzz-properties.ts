/**
 * The hostile-input properties, shared by the bounded run in the suite (fixed seed) and `npm run fuzz` (longer,
 * any seed). Inputs come from three generators: random bytes, random Kubernetes-shaped objects, and mutations of
 * real manifests from the shared corpus. The three properties:
 * 1. no exception escapes ingest or analysis;
 * 2. every skipped document has a message with a location (`<stdin>:LINE: ...`);
 * 3. adding documents that get skipped leaves the findings of everything else exactly unchanged.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import type { Snapshot } from '../../src/collect/snapshot.js';
import { repoPath } from '../../src/collect/test-helpers.js';
import { analysisOf, read } from './read.js';

/** How long to run: runs per property and the seed. */
export interface FuzzRun {
  readonly numRuns: number;
  readonly seed: number;
}

const CORPUS = repoPath('..', 'shared', 'corpus');

/** The corpus manifests (text), or none when the corpus is absent. */
export function corpusManifests(): readonly string[] {
  if (!existsSync(CORPUS)) return [];
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.ya?ml$/.test(name)) out.push(readFileSync(path, 'utf8'));
    }
  };
  walk(CORPUS);
  return out;
}

const KINDS = [
  'Pod',
  'Deployment',
  'DaemonSet',
  'CronJob',
  'Role',
  'ClusterRole',
  'RoleBinding',
  'ClusterRoleBinding',
];
const KEYS = [
  'containers',
  'securityContext',
  'privileged',
  'hostPID',
  'hostNetwork',
  'volumes',
  'hostPath',
  'path',
  'name',
  'image',
  'template',
  'spec',
  'rules',
  'verbs',
  'resources',
  'subjects',
  'roleRef',
  'kind',
  'capabilities',
  'add',
  'serviceAccountName',
  'items',
];

const scalar = fc.oneof(
  fc.constantFrom(true, false, null, 0, -1, 'yes', 'on', '*', 'SYS_ADMIN', '/', 'default', ''),
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.double(),
);
const { value } = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, scalar, tie('list'), tie('map')),
  list: fc.array(tie('value'), { maxLength: 4 }),
  map: fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 5 }),
}));

/** A random Kubernetes-shaped object, written as YAML or JSON. */
export const randomObject: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom(...KINDS), fc.string({ maxLength: 8 }), value, value, fc.boolean())
  .map(([kind, name, spec, extra, json]) => {
    const object = { apiVersion: 'v1', kind, metadata: { name, namespace: 'fuzz' }, spec, rules: extra };
    return json ? JSON.stringify(object) : stringify(object);
  });

/** Random bytes, sometimes with YAML-ish punctuation mixed in. */
export const randomBytes: fc.Arbitrary<Buffer> = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)),
      fc
        .constantFrom(
          '{',
          '}',
          '[',
          ']',
          ':',
          '- ',
          '&a ',
          '*a ',
          '\n',
          '\t',
          '"',
          "'",
          '{{ .Values.x }}',
          '---\n',
        )
        .map((s) => Buffer.from(s)),
    ),
    { maxLength: 40 },
  )
  .map((parts) => Buffer.concat(parts));

/** A corpus manifest with a mutation: a line dropped, doubled, truncated, or bytes spliced in. */
export function corpusMutation(manifests: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(
      fc.constantFrom(...manifests),
      fc.nat(),
      fc.constantFrom('drop', 'double', 'truncate', 'splice', 'indent'),
      fc.string({ maxLength: 16 }),
    )
    .map(([text, at, how, junk]) => {
      const lines = text.split('\n');
      const i = at % Math.max(1, lines.length);
      if (how === 'drop') lines.splice(i, 1);
      else if (how === 'double') lines.splice(i, 0, lines[i] ?? '');
      else if (how === 'truncate') return lines.slice(0, i).join('\n');
      else if (how === 'splice')
        lines[i] = `${(lines[i] ?? '').slice(0, at % 7)}${junk}${(lines[i] ?? '').slice(at % 7)}`;
      else lines[i] = ` ${lines[i] ?? ''}`;
      return lines.join('\n');
    });
}

/** Any input of the three kinds (corpus mutations only when the corpus is present). */
export function anyInput(manifests: readonly string[]): fc.Arbitrary<string | Buffer> {
  const kinds: fc.Arbitrary<string | Buffer>[] = [randomObject, randomBytes];
  if (manifests.length > 0) kinds.push(corpusMutation(manifests));
  return fc.oneof(...kinds);
}

/** Property 1: reading and analysing never throws. */
export function neverThrows(manifests: readonly string[]): fc.IAsyncProperty<[string | Buffer]> {
  return fc.asyncProperty(anyInput(manifests), async (input) => {
    const snapshot = await read(input);
    analysisOf(snapshot);
  });
}

const LOCATED = /^<stdin>:\d+$/;

/** Property 2: every document-level gap names its line, and its message starts with that location. */
export function skippedHaveLocations(manifests: readonly string[]): fc.IAsyncProperty<[string | Buffer]> {
  return fc.asyncProperty(anyInput(manifests), async (input) => {
    const snapshot = await read(input);
    for (const gap of snapshot.gaps) {
      if (gap.kind === 'not-found') continue; // the closing "no Kubernetes objects found" of empty input
      if (gap.message.startsWith('<stdin>: binary file')) continue; // a whole-file verdict, not a document
      if (!LOCATED.test(gap.where) || !gap.message.startsWith(`${gap.where}: `))
        throw new Error(`gap without a location: ${JSON.stringify(gap)}`);
    }
  });
}

/** What an analysis found, without locations (inserting documents moves lines). */
export function findingsOf(snapshot: Snapshot): string[] {
  const analysis = analysisOf(snapshot);
  const edges = analysis.edges.map(
    (e) => `${e.technique} ${e.from} ${e.to} ${e.evidence.map((v) => `${v.ref}${v.path ?? ''}`).join(',')}`,
  );
  const facts = analysis.facts.map(
    (f) => `${f.fact} ${f.object} ${f.container ?? ''} ${f.path ?? ''} ${f.says}`,
  );
  return [...edges.sort(), ...facts.sort(), `risk ${analysis.risk.total}`];
}

/** A document that is skipped on its own: it yields gaps and no object. */
const skippedDocument = fc
  .oneof(
    randomBytes.map((b) => b.toString('utf8')),
    fc.constant('kind: Pod\nmetadata: {name: {{ .Values.name }}}\n'),
    fc.constant(`kind: ConfigMap\nmetadata: {name: deep}\ndata: ${'['.repeat(300)}${']'.repeat(300)}\n`),
    fc.constant('kind: ConfigMap\nmetadata: {name: x}\ndata: "unclosed\n'),
    fc.constant('- just\n- a list\n'),
  )
  // Separators inside the insert would split it into several documents of its own.
  .map((text) => text.replace(/^(---|\.\.\.)/gm, '#$1').replace(/^%/gm, '#'))
  // A NUL in a file's first 64 bytes makes it a binary file, by rule: the insert never starts the file with one.
  .map((text) => `# a document that is skipped on its own${' '.repeat(30)}\n${text}`);

/** Property 3: documents that are skipped change nothing else: same findings, same risk. */
export function skippedChangeNothing(
  manifests: readonly string[],
): fc.IAsyncProperty<[string, number, string]> {
  const base = manifests.length > 0 ? fc.constantFrom(...manifests) : randomObject;
  return fc.asyncProperty(base, fc.nat(), skippedDocument, async (text, at, insert) => {
    const alone = await read(insert);
    fc.pre(alone.objects.length === 0 && alone.gaps.some((gap) => gap.kind !== 'not-found'));
    const docs = text.split(/^---[ \t]*$/m);
    const i = at % (docs.length + 1);
    const withInsert = [...docs.slice(0, i), `\n${insert}\n`, ...docs.slice(i)].join('\n---\n');
    const before = findingsOf(await read(text));
    const after = findingsOf(await read(withInsert));
    if (JSON.stringify(before) !== JSON.stringify(after))
      throw new Error(`inserting a skipped document changed the findings (at document ${i})`);
  });
}

/** Runs the three properties; resolves when all hold, rejects with fast-check's counterexample report. */
export async function runProperties(run: FuzzRun): Promise<void> {
  const manifests = corpusManifests();
  const params = { numRuns: run.numRuns, seed: run.seed, endOnFailure: true };
  await fc.assert(neverThrows(manifests), params);
  await fc.assert(skippedHaveLocations(manifests), params);
  await fc.assert(skippedChangeNothing(manifests), {
    ...params,
    numRuns: Math.max(1, Math.floor(run.numRuns / 2)),
  });
}
