import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyPatches } from '../collect/patch.js';
import { buildModel } from '../model/build-model.js';
import { snapshotOf } from '../model/test-helpers.js';
import { corePatternEscape } from './core-pattern-escape.js';
import { hostPathEscape } from './host-path-escape.js';
import { runTable } from './table-test.js';
import { deployment, hostPathSpec } from './workload-test-fixtures.js';

const EDGE = 'Deployment/shop/web#app -> jewel:node-root/workers';

runTable(corePatternEscape, [
  {
    name: 'writable /proc/sys',
    objects: [deployment(hostPathSpec('/proc/sys'))],
    edges: [EDGE],
    fixes: ['remove-host-path@Deployment/shop/web'],
  },
  { name: 'writable /proc', objects: [deployment(hostPathSpec('/proc/'))], edges: [EDGE] },
  {
    name: 'near miss: read-only /proc/sys',
    objects: [deployment(hostPathSpec('/proc/sys', true))],
    edges: [],
  },
  {
    name: 'near miss: /proc/sys/net holds no helper',
    objects: [deployment(hostPathSpec('/proc/sys/net'))],
    edges: [],
  },
  {
    name: 'near miss: privileged is privileged-container, not counted twice',
    objects: [
      deployment({
        ...hostPathSpec('/proc/sys'),
        containers: [
          {
            name: 'app',
            image: 'web:1.0',
            securityContext: { privileged: true },
            volumeMounts: [{ name: 'host', mountPath: '/h' }],
          },
        ],
      }),
    ],
    edges: [],
  },
]);

test('core-pattern-escape: host-path-escape does not count /proc, and the fix removes the edge', () => {
  const snapshot = snapshotOf([deployment(hostPathSpec('/proc'))]);
  assert.deepEqual(hostPathEscape.find(buildModel(snapshot)), []);
  const [edge] = corePatternEscape.find(buildModel(snapshot));
  assert.ok(edge);
  assert.deepEqual(corePatternEscape.find(buildModel(applyPatches(snapshot, edge.fixes))), []);
});
