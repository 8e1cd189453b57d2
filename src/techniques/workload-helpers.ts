/**
 * Shared pieces of the workload techniques: node refs, evidence, pointers into a workload's pod spec, and the
 * likelihood modifiers that make an escape harder.
 *
 * Microsoft Threat Matrix for Kubernetes ids used by these techniques (https://microsoft.github.io/Threat-Matrix-for-Kubernetes/,
 * source: github.com/microsoft/Threat-Matrix-for-Kubernetes, docs/techniques/*.md): MS-TA9003 Kubeconfig file,
 * MS-TA9005 Exposed sensitive interfaces, MS-TA9008 New container, MS-TA9009 Application exploit (RCE),
 * MS-TA9013 Writable hostPath mount, MS-TA9016 Container service account, MS-TA9018 Privileged container.
 */
import { pointer } from '../collect/patch.js';
import type { Location } from '../collect/snapshot.js';
import type { Model } from '../model/model.js';
import type { Container, Ref, Volume, Workload } from '../model/types.js';
import type { LikelihoodClass } from './likelihood.js';
import type { Edge, Evidence, Fix, NodeRef, TechniqueId } from './types.js';

/** The pod-spec list each container role lives in. */
export const CONTAINER_LIST: Readonly<Record<Container['role'], string>> = {
  container: 'containers',
  init: 'initContainers',
  ephemeral: 'ephemeralContainers',
};

// Many techniques name the same container (R150k: 92,056 containers, named 501,742 times by 820,582 edges): one
// string per container.
const containerNodes = new WeakMap<Container, NodeRef>();

/** The graph node of one container of a workload: `Deployment/ns/name#container`. */
export function containerNode(workload: Workload, container: Container): NodeRef {
  const cached = containerNodes.get(container);
  // The model makes each Container for one workload; the check keeps the name right if one is ever shared.
  if (
    cached !== undefined &&
    cached.length === workload.ref.length + 1 + container.name.length &&
    cached.startsWith(workload.ref)
  )
    return cached;
  const node = `${workload.ref}#${container.name}`;
  containerNodes.set(container, node);
  return node;
}

// The model hands out one pools array per scheduling constraint, so jewels are built once per array.
const jewelsOfPools = new WeakMap<readonly string[], readonly NodeRef[]>();

/** The node-root jewels of every pool the workload may run on; none when it runs nowhere. */
export function nodeRootJewels(model: Model, workload: Workload): readonly NodeRef[] {
  const pools = model.poolsOf(workload.ref);
  let jewels = jewelsOfPools.get(pools);
  if (jewels === undefined) {
    jewels = [...new Set(pools)].sort().map((pool) => `jewel:node-root/${pool}`);
    jewelsOfPools.set(pools, jewels);
  }
  return jewels;
}

// Pointers are built for every fact and edge of 150,000 pods: the pod-spec prefix is built once per workload.
const specPrefix = new WeakMap<Workload, string>();

/** JSON Pointer into the workload object at a path inside its pod spec. */
export function podSpecPointer(workload: Workload, ...segments: readonly (string | number)[]): string {
  let prefix = specPrefix.get(workload);
  if (prefix === undefined) {
    prefix = pointer(...workload.podSpecPath);
    specPrefix.set(workload, prefix);
  }
  return segments.length === 0 ? prefix : prefix + pointer(...segments);
}

/** JSON Pointer into the workload object at a path inside one container. */
export function containerPointer(
  workload: Workload,
  container: Container,
  ...segments: readonly (string | number)[]
): string {
  return podSpecPointer(workload, CONTAINER_LIST[container.role], container.index, ...segments);
}

// Evidence and facts name the same few objects many times over (R150k: 800,000 edges): one string per object.
const fileLines = new WeakMap<Location, string>();

function fileLine(location: Location): string {
  let text = fileLines.get(location);
  if (text === undefined) {
    text = `${location.file}:${location.line}`;
    fileLines.set(location, text);
  }
  return text;
}

/** `file:line` of an object, when it came from a file. */
export function locationString(model: Model, ref: Ref): string | undefined {
  const location = model.locationOf(ref);
  return location === undefined ? undefined : fileLine(location);
}

/** One evidence item about an object, with its location filled in. */
export function evidence(model: Model, ref: Ref, says: string, path?: string): Evidence {
  const found = model.locationOf(ref);
  const location = found === undefined ? undefined : fileLine(found);
  const template = found?.template;
  // In the report's key order, so the JSON report writes it without a reordered copy. One literal per set of
  // fields: spreading a literal per optional field made up to three more objects per item, and adding fields to
  // `{ ref }` one by one gave each item a separate property store (16 to 24 more bytes; 982,039 items at R150k).
  if (template === undefined) {
    if (location === undefined) return path === undefined ? { ref, says } : { ref, path, says };
    return path === undefined ? { ref, location, says } : { ref, path, location, says };
  }
  const item: { ref: Ref; path?: string; location?: string; template?: string; says?: string } = { ref };
  if (path !== undefined) item.path = path;
  if (location !== undefined) item.location = location;
  item.template = template;
  item.says = says;
  return item as Evidence;
}

/** Code-unit order, never locale order, so outputs are byte-stable. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Sorts edges by (from, to), then by their first evidence, so parallel edges keep a stable order. */
export function sortEdges(edges: Edge[]): Edge[] {
  // Field by field, without joining keys: 800,000 joined keys were most of the sort's time and garbage.
  return [...edges].sort(
    (a, b) =>
      compareText(a.from, b.from) ||
      compareText(a.to, b.to) ||
      compareText(a.evidence[0]?.path ?? '', b.evidence[0]?.path ?? '') ||
      compareText(a.evidence[0]?.says ?? '', b.evidence[0]?.says ?? ''),
  );
}

/** Likelihood classes ordered from most to least likely, for "never easier" comparisons. */
const ORDER: readonly LikelihoodClass[] = ['certain', 'trivial', 'likely', 'possible', 'unlikely', 'rare'];

/** The harder of two classes. */
export function harder(a: LikelihoodClass, b: LikelihoodClass): LikelihoodClass {
  return ORDER.indexOf(a) >= ORDER.indexOf(b) ? a : b;
}

/** The more likely of two classes. */
export function easier(a: LikelihoodClass, b: LikelihoodClass): LikelihoodClass {
  return ORDER.indexOf(a) <= ORDER.indexOf(b) ? a : b;
}

/**
 * How hard it is to act as host root from a container, for host files and sockets, which are root-owned:
 * in a user namespace (`hostUsers: false`) container root is not host root, so `unlikely`; a stated non-root
 * UID is `unlikely` too unless setuid binaries can bring root back (`allowPrivilegeEscalation`), then
 * `possible`; root or an image-decided UID adds nothing.
 */
export function hostRootDifficulty(workload: Workload, container: Container): LikelihoodClass | undefined {
  if (!workload.hostUsers) return 'unlikely';
  const sc = container.securityContext;
  if (typeof sc.runAsUser !== 'number' || sc.runAsUser === 0) return undefined;
  return sc.allowPrivilegeEscalation ? 'possible' : 'unlikely';
}

/** A volume one container mounts: writable when any of its mounts there is, `mount` the deciding mount's index. */
export interface MountedVolume {
  readonly volume: Volume;
  readonly writable: boolean;
  readonly mount: number;
}

/** The volumes a container mounts, in volume order. */
export function mountedVolumes(workload: Workload, container: Container): MountedVolume[] {
  const out: MountedVolume[] = [];
  for (const volume of workload.volumes) {
    const indices = container.volumeMounts.flatMap((mount, i) => (mount.volume === volume.name ? [i] : []));
    if (indices.length === 0) continue;
    const writable = indices.find((i) => container.volumeMounts[i]?.readOnly === false);
    out.push({ volume, writable: writable !== undefined, mount: writable ?? indices[0]! });
  }
  return out;
}

/** An edge's likelihood when it differs from the technique's class; omitted otherwise. */
export function likelihoodField(
  base: LikelihoodClass,
  actual: LikelihoodClass,
): { readonly likelihood?: LikelihoodClass } {
  return actual === base ? {} : { likelihood: actual };
}

/** What one escape step found in one container: the same step reaches every node-root jewel of its pools. */
export interface EscapeStep {
  readonly technique: TechniqueId;
  readonly workload: Workload;
  readonly container: Container;
  readonly jewels: readonly NodeRef[];
  /** The technique's class; an edge states its likelihood only when it differs. */
  readonly base?: LikelihoodClass;
  readonly likelihood?: LikelihoodClass;
  readonly evidence: readonly Evidence[];
  readonly fixes: readonly Fix[];
}

/** One edge per jewel for an escape found in a container. */
export function escapeEdges(step: EscapeStep): Edge[] {
  const from = containerNode(step.workload, step.container);
  const harder =
    step.base === undefined || step.likelihood === undefined
      ? {}
      : likelihoodField(step.base, step.likelihood);
  return step.jewels.map((to) => ({
    technique: step.technique,
    from,
    to,
    ...harder,
    evidence: step.evidence,
    fixes: step.fixes,
  }));
}
