// chokepoint's RBAC model against a real kube-apiserver: random RBAC from a fixed seed and from one printed
// random seed (replay with RBAC_SEED=<n>), the same objects created on the server and fed to buildModel with
// the version's shipped bootstrap RBAC, then thousands of SubjectAccessReviews compared with model.can().
import assert from 'node:assert/strict';
import { randomInt } from 'node:crypto';
import { test } from 'node:test';
import { loadBootstrapRbac } from '../../src/collect/bootstrap-rbac.js';
import { buildModel } from '../../src/model/build-model.js';
import type { Model } from '../../src/model/model.js';
import { scopeCovers } from '../../src/model/rbac-index.js';
import { ruleAllowsNonResource } from '../../src/model/rbac-match.js';
import { snapshotOf } from '../../src/model/test-helpers.js';
import type { Grant } from '../../src/model/types.js';
import { controlPlaneSkipReason, startControlPlane } from '../harness/control-plane.js';
import { waitForAggregation } from './aggregation.js';
import { FEATURES, type Feature, featuresOf, type RawSubjects } from './coverage.js';
import { generateRbac } from './generate-rbac.js';
import { generateTuples, type Tuple } from './generate-tuples.js';
import { coverageTable, describeDisagreement } from './report.js';
import { seededRandom } from './seeded-random.js';
import { askServer, createObjects, fetchRoles, mapLimit } from './server.js';
import { targetsOf } from './targets.js';

const FIXED_SEED = 4;
const RANDOM_SEED = process.env.RBAC_SEED ? Number(process.env.RBAC_SEED) : randomInt(1, 2 ** 31 - 1);
/** Questions per seed. */
const COUNTS = { resource: 4000, url: 600 };
const IN_FLIGHT = 16;
const MIN_HITS = 50;
const MIN_ALLOWED_SHARE = 0.4;

const skip = controlPlaneSkipReason();
if (skip) console.log(`# RBAC differential skipped: ${skip}`);

/**
 * The model's answer: the grant that allows the question, if any. The Model has no query for non-resource
 * requests, so those use its own pieces: a request without a namespace, in the scopes the model says cover
 * it.
 */
function modelAnswer(model: Model, t: Tuple): Grant | undefined {
  if (t.kind === 'resource') return model.can(t.identity, t.request);
  return model
    .grantsOf(t.identity)
    .find((g) => scopeCovers(g.scope, undefined) && ruleAllowsNonResource(g.rule, t.verb, t.path));
}

/** Subjects as written, per binding ref, so coverage can tell how a grant's subject was spelled. */
function rawSubjects(objects: readonly Record<string, unknown>[]): RawSubjects {
  const map = new Map<string, { kind?: string; name?: string; namespace?: string }[]>();
  for (const o of objects) {
    if (o.kind !== 'RoleBinding' && o.kind !== 'ClusterRoleBinding') continue;
    const meta = o.metadata as { name: string; namespace?: string };
    const ref =
      o.kind === 'RoleBinding'
        ? `RoleBinding/${meta.namespace}/${meta.name}`
        : `ClusterRoleBinding/${meta.name}`;
    map.set(ref, (o.subjects as { kind?: string; name?: string; namespace?: string }[]) ?? []);
  }
  return map;
}

test('the RBAC model answers every SubjectAccessReview as kube-apiserver does', {
  skip,
  timeout: 600_000,
}, async () => {
  assert.ok(Number.isInteger(RANDOM_SEED), `RBAC_SEED must be an integer, got ${process.env.RBAC_SEED}`);
  console.log(
    `# RBAC seeds: fixed ${FIXED_SEED}, random ${RANDOM_SEED} (replay with RBAC_SEED=${RANDOM_SEED})`,
  );
  const started = Date.now();
  const cp = await startControlPlane({ controllers: true });
  try {
    const seeds = [FIXED_SEED, RANDOM_SEED];
    const worlds = [
      generateRbac(seededRandom(FIXED_SEED), 'rdf'),
      generateRbac(seededRandom(RANDOM_SEED), 'rdr'),
    ];
    const objects = worlds.flatMap((w) => w.objects);
    await createObjects(cp, objects, IN_FLIGHT);

    const bootstrap = await loadBootstrapRbac(cp.version);
    assert.equal(bootstrap.gap, undefined, bootstrap.gap?.message);
    const model = buildModel(snapshotOf([...objects]), { builtIn: bootstrap.objects });
    const aggregation = await waitForAggregation(cp, model, 30_000);
    assert.deepEqual(aggregation, [], `aggregated ClusterRoles disagree:\n${aggregation.join('\n')}`);

    const roles = await fetchRoles(cp);
    const tuples = worlds.flatMap((world, i) =>
      generateTuples(
        seededRandom((seeds[i] ?? 0) ^ 0x5bd1e995),
        world,
        targetsOf(world.objects, roles, world.identities),
        COUNTS,
      ),
    );
    const asked = Date.now();
    const answers = await mapLimit(tuples, IN_FLIGHT, (t) => askServer(cp, t, model.groupsOf(t.identity)));
    const askMs = Date.now() - asked;

    const subjects = rawSubjects(objects);
    const hits = new Map<Feature, { allowed: number; denied: number }>(
      FEATURES.map((f) => [f, { allowed: 0, denied: 0 }]),
    );
    const disagreements: string[] = [];
    let allowed = 0;
    tuples.forEach((t, i) => {
      const server = answers[i];
      if (server === undefined) throw new Error(`no server answer for question ${i}`);
      const grant = modelAnswer(model, t);
      if (server.allowed) allowed++;
      if (server.allowed !== (grant !== undefined))
        disagreements.push(describeDisagreement(t, server, grant));
      for (const feature of featuresOf(model, subjects, t)) {
        const h = hits.get(feature);
        if (h) server.allowed ? h.allowed++ : h.denied++;
      }
    });

    const resourceCount = tuples.filter((t) => t.kind === 'resource').length;
    const share = allowed / tuples.length;
    console.log(coverageTable(hits, MIN_HITS));
    console.log(
      `# ${tuples.length} questions (${resourceCount} resource, ${tuples.length - resourceCount} non-resource), ` +
        `allowed by the server: ${(share * 100).toFixed(1)}%, disagreements: ${disagreements.length}, ` +
        `SubjectAccessReviews took ${askMs} ms, whole run ${Date.now() - started} ms (Kubernetes v${cp.version})`,
    );
    for (const d of disagreements.slice(0, 30)) console.log(d);

    assert.equal(
      disagreements.length,
      0,
      `${disagreements.length} disagreements; first:\n${disagreements.slice(0, 5).join('\n')}`,
    );
    assert.ok(resourceCount >= 5000, `only ${resourceCount} resource questions`);
    assert.ok(
      share >= MIN_ALLOWED_SHARE,
      `only ${(share * 100).toFixed(1)}% allowed: bias the generator further`,
    );
    const thin = FEATURES.filter((f) => {
      const h = hits.get(f) ?? { allowed: 0, denied: 0 };
      return h.allowed + h.denied < MIN_HITS;
    });
    assert.deepEqual(
      thin,
      [],
      `features hit fewer than ${MIN_HITS} times (seed ${RANDOM_SEED}): ${thin.join(', ')}`,
    );
  } finally {
    await cp.stop();
  }
});
