/**
 * The plan names what the authors' walkthrough abuses. For the simulator's seven-seas scenario and every KubeHound
 * ROLE_BIND unit, the walkthrough's bindings and roles are read from the corpus (`expected.json`: the RBAC objects
 * of the unit that carry a positive `rbac-*` tag from the authors' docs or tests, the roles those bindings refer
 * to, and bindings elsewhere whose authors' note names the unit's file); the unit is analysed as the CLI does, and
 * a plan item must target one of them. Every ROLE_BIND source the authors' tests assert must also be cut or cited
 * by the plan.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { loadInput } from '../../src/cli/load.js';
import { analyze } from '../../src/prioritize/analyze.js';
import { DEFAULT_CONFIG } from '../../src/prioritize/config.js';
import { buildReport } from '../../src/report/build-report.js';
import type { PlanItem, Report } from '../../src/report/contract.js';

const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CORPUS = join(REPO_ROOT, '..', 'shared', 'corpus');
const skip = existsSync(CORPUS) ? false : 'the shared corpus is not present at ../shared/corpus';

/** One expectation of a corpus source's expected.json. */
interface Expected {
  readonly file: string;
  readonly resource: string;
  readonly expect: readonly string[];
  readonly source_says: string;
  readonly basis: string;
}

/** One cluster's worth of files, and how the plan must name the walkthrough. */
interface Unit {
  readonly name: string;
  readonly source: 'kubehound' | 'simulator';
  /** Files relative to the source directory; the first is the unit the walkthrough is about. */
  readonly files: readonly string[];
}

const RBAC_KINDS = new Set(['Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding']);

/** The KubeHound ROLE_BIND attack files (names starting ROLE_BIND), each its own unit. */
function kubehoundUnits(): Unit[] {
  const dir = join(CORPUS, 'kubehound', 'attacks');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.startsWith('ROLE_BIND') && name.endsWith('.yaml'))
    .sort()
    .map((name): Unit => {
      const file = `attacks/${name}`;
      // kubehound/SOURCE.md line 20, caveat (4): ROLE_BIND_RB_R-UG.yaml references Roles defined in
      // ROLE_BIND_RB_R-SA.yaml — load them together. Its Users and Groups mount no token: a binding or role is
      // the only cut, so an item targets it.
      if (name === 'ROLE_BIND_RB_R-UG.yaml')
        return {
          name,
          source: 'kubehound',
          files: [file, 'attacks/ROLE_BIND_RB_R-SA.yaml'],
        };
      // ROLE_BIND_ALL.yaml holds only unbound admin Roles (kubehound/expected.json line 195: 'no subject holds
      // it'); line 213 says ROLE_BIND_CRB_CR.yaml's pod-bind-rola-crb-cr-rb-r binds them, so that is its unit.
      // Its binder SA is one pod's token: the token fix ties with removing the binding, and the tie goes to the
      // cut closer to the jewel, the binding.
      if (name === 'ROLE_BIND_ALL.yaml')
        return { name, source: 'kubehound', files: [file, 'attacks/ROLE_BIND_CRB_CR.yaml'] };
      // ROLE_BIND_RB_R-SA.yaml: each ServiceAccount is one pod's token and reaches namespace admin by its own
      // binding; each pod's token fix ties with its binding's, and the tie goes to the binding.
      return { name, source: 'kubehound', files: [file] };
    });
}

/**
 * seven-seas: every walkthrough binding is used through the token the attack-start pod mounts (simulator/
 * expected.json lines 42-43: Pod/arctic/fancy, sa-token-automount, attack-start), so that token is the one thing;
 * a later item removes a walkthrough binding.
 */
const SEVEN_SEAS: Unit = { name: 'seven-seas', source: 'simulator', files: ['seven-seas'] };

/** The model's ref of an expected.json resource (`Kind/ns/name`, or `Kind//name` when cluster-scoped). */
function refOf(resource: string): string {
  return resource.replace('//', '/');
}

/** Scans the unit's files in this process, the way the CLI does. */
async function scan(unit: Unit): Promise<{ report: Report; roleRefs: Map<string, string> }> {
  const paths = unit.files.map((file) => join(CORPUS, unit.source, file));
  const loaded = await loadInput(paths, undefined);
  assert.ok(loaded.usable, `${unit.name}: nothing usable was read`);
  const config = { ...DEFAULT_CONFIG, model: { kubeVersion: loaded.kubeVersion } };
  const report = buildReport(analyze(loaded.snapshot, config, loaded.builtIn), { version: 'test' });
  const roleRefs = new Map<string, string>();
  for (const object of loaded.snapshot.objects) {
    const roleRef = object.object.roleRef as { kind?: string; name?: string } | undefined;
    if (!object.kind.endsWith('Binding') || roleRef?.name === undefined) continue;
    const scoped = roleRef.kind === 'Role' ? `${object.namespace ?? 'default'}/` : '';
    roleRefs.set(object.ref, `${roleRef.kind}/${scoped}${roleRef.name}`);
  }
  return { report, roleRefs };
}

/** The walkthrough's bindings and roles, from the authors' expectations, plus the roles those bindings refer to. */
async function walkthroughObjects(unit: Unit, roleRefs: ReadonlyMap<string, string>): Promise<Set<string>> {
  const text = await readFile(join(CORPUS, unit.source, 'expected.json'), 'utf8');
  const entries = JSON.parse(text) as Expected[];
  const primary = unit.files[0] ?? '';
  const inUnit = (e: Expected) => unit.files.some((file) => e.file === file || e.file.startsWith(`${file}/`));
  const abused = (e: Expected) =>
    e.basis !== 'manifest-fact' && e.expect.some((tag) => tag.startsWith('rbac-'));
  const objects = new Set<string>();
  for (const e of entries) {
    if (!RBAC_KINDS.has(e.resource.split('/')[0] ?? '') || !inUnit(e) || !abused(e)) continue;
    const ofPrimary = e.file === primary || e.file.startsWith(`${primary}/`);
    // Another file of the unit counts where the authors say its binding abuses the unit's file.
    if (ofPrimary || e.source_says.includes(basename(primary))) objects.add(refOf(e.resource));
  }
  for (const ref of [...objects]) {
    const role = roleRefs.get(ref);
    if (role !== undefined) objects.add(role);
  }
  return objects;
}

/** The bindings of the unit whose ROLE_BIND edge the authors' tests assert. */
async function roleBindSources(unit: Unit): Promise<string[]> {
  const entries = JSON.parse(
    await readFile(join(CORPUS, unit.source, 'expected.json'), 'utf8'),
  ) as Expected[];
  return entries
    .filter((e) => unit.files.includes(e.file) && e.expect.includes('edge:ROLE_BIND'))
    .map((e) => refOf(e.resource));
}

function targets(item: PlanItem): string[] {
  return [item.target, ...(item.also === undefined ? [] : [item.also.target])];
}

function cited(item: PlanItem): Set<string> {
  return new Set((item.breaks?.steps ?? []).flatMap((step) => step.evidence.map((e) => e.ref)));
}

async function check(unit: Unit): Promise<void> {
  const { report, roleRefs } = await scan(unit);
  const walkthrough = await walkthroughObjects(unit, roleRefs);
  assert.ok(walkthrough.size > 0, `${unit.name}: the corpus names no abused binding or role`);
  const plan = report.plan.map((item, i) => ({ rank: i + 1, item }));
  const named = plan.filter(({ item }) => targets(item).some((t) => walkthrough.has(t)));
  for (const { rank, item } of named) console.log(`${unit.name}: plan item ${rank} targets ${item.target}`);
  // Every ROLE_BIND source the authors' tests assert (`edge:ROLE_BIND`) is accounted for: an item targets the
  // binding or its role, or breaks a path through the binding.
  const touched = new Set(plan.flatMap(({ item }) => [...targets(item), ...cited(item)]));
  const missed = (await roleBindSources(unit)).filter(
    (ref) => !touched.has(ref) && !touched.has(roleRefs.get(ref) ?? ''),
  );
  assert.deepEqual(missed, [], `${unit.name}: the plan neither cuts nor cites these ROLE_BIND sources`);
  assert.ok(
    named.length > 0,
    `${unit.name}: no plan item targets ${[...walkthrough].join(', ')}; the plan targets ${plan.map(({ item }) => item.target).join(', ')}`,
  );
}

for (const unit of [SEVEN_SEAS, ...kubehoundUnits()])
  test(
    `walkthrough ${unit.source}/${unit.name}: the plan names the binding or role the authors abuse`,
    {
      skip,
    },
    () => check(unit),
  );

test('KubeHound ROLE_BIND_ALL alone: no subject holds or can bind its admin Roles, so no path', {
  skip,
}, async () => {
  // kubehound/expected.json line 195: the admin Role is 'not bind to any account'; the pod's SA holds nothing.
  const unit: Unit = {
    name: 'alone',
    source: 'kubehound',
    files: ['attacks/ROLE_BIND_ALL.yaml'],
  };
  const { report } = await scan(unit);
  assert.equal(report.risk.total, 0);
  assert.deepEqual(report.plan, []);
});

test('the corpus has ROLE_BIND units to check', { skip }, () => {
  assert.ok(kubehoundUnits().length >= 4, `${kubehoundUnits().length} ROLE_BIND units`);
});
