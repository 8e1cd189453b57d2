/** The collect stage's public surface: offline ingest, the slim projection, and the `--apply-plan` writer. */
export { type CollectOptions, collectFiles, hasUsableInput } from './collect-files.js';
export { STDIN_NAME } from './input-files.js';
export { applyOps, applyPatches, type ObjectPatch, type PatchOp } from './patch.js';
export { projectObject, REDACTED, X_CHOKEPOINT } from './prune.js';
export { namespaceFor } from './scope.js';
export type {
  Gap,
  GapKind,
  KubeObject,
  Location,
  Snapshot,
  SnapshotObject,
  SnapshotSource,
} from './snapshot.js';
export { objectRef } from './snapshot.js';
export { outputPathFor, type WritePatchedOptions, writePatchedInputs } from './write-patched.js';
