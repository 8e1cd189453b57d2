import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { kubectlCommand, shellQuote } from './kubectl-command.js';

/** What a POSIX shell makes of a command line: its words, one per line (needs /bin/sh). */
function shellWords(command: string): string[] {
  const script = `set -- ${command.replace(/^kubectl /, '')}; for w in "$@"; do printf '%s\\n' "$w"; done`;
  return execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' }).split('\n').slice(0, -1);
}

test('a namespaced patch names the kind in lower case, the namespace and the compact JSON ops', () => {
  const command = kubectlCommand({
    target: 'Deployment/shop/web',
    ops: [
      { op: 'replace', path: '/spec/template/spec/containers/0/securityContext/privileged', value: false },
    ],
  });
  assert.equal(
    command,
    `kubectl patch deployment web -n shop --type=json -p '[{"op":"replace","path":"/spec/template/spec/containers/0/securityContext/privileged","value":false}]'`,
  );
});

test('a cluster-scoped target has no -n', () => {
  const command = kubectlCommand({
    target: 'ClusterRoleBinding/ci-admin',
    ops: [{ op: 'remove', path: '/subjects/0' }],
  });
  assert.equal(
    command,
    `kubectl patch clusterrolebinding ci-admin --type=json -p '[{"op":"remove","path":"/subjects/0"}]'`,
  );
});

test('delete-object becomes kubectl delete', () => {
  assert.equal(
    kubectlCommand({ target: 'Secret/ci/deployer-token', ops: [{ op: 'delete-object' }] }),
    'kubectl delete secret deployer-token -n ci',
  );
  assert.equal(
    kubectlCommand({ target: 'ClusterRole/wild', ops: [{ op: 'delete-object' }] }),
    'kubectl delete clusterrole wild',
  );
});

test('single quotes inside values survive a POSIX shell as one -p argument', () => {
  const ops = [{ op: 'add' as const, path: "/metadata/annotations/it's", value: "O'Brien's 'app'" }];
  const command = kubectlCommand({ target: 'ConfigMap/default/x', ops });
  const words = shellWords(command);
  assert.deepEqual(words.slice(0, 5), ['patch', 'configmap', 'x', '-n', 'default']);
  assert.equal(words[6], '-p');
  assert.deepEqual(JSON.parse(words[7]!), ops);
  assert.equal(words.length, 8);
});

test('shellQuote leaves safe words alone and quotes the rest', () => {
  assert.equal(shellQuote('web-1'), 'web-1');
  assert.equal(shellQuote(''), "''");
  assert.equal(shellQuote('a b'), "'a b'");
  assert.equal(shellQuote("it's"), `'it'\\''s'`);
  assert.deepEqual(shellWords(`kubectl ${shellQuote("x'$(y) z")}`), ["x'$(y) z"]);
});

test('a target that is not a ref is a bug, reported with the target', () => {
  assert.throws(() => kubectlCommand({ target: 'web', ops: [] }), /"web"/);
});
