// No control-plane process outlives the test process that started it: not on SIGTERM (the handlers kill
// them), not on SIGKILL (the kernel's parent-death signal does).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { controlPlaneSkipReason } from '../harness/control-plane.js';

const skip = controlPlaneSkipReason();
if (skip) console.log(`# control-plane lifecycle tests skipped: ${skip}`);
const fixture = fileURLToPath(new URL('./fixtures/hold-control-plane.js', import.meta.url));

interface Held {
  workDir: string;
  pids: Record<string, number>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function endsWith(signal: NodeJS.Signals, controllers: boolean): Promise<void> {
  const child = spawn(process.execPath, [fixture, controllers ? 'controllers' : ''], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const held = await new Promise<Held>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const line = out.split('\n')[0];
      if (out.includes('\n') && line) resolve(JSON.parse(line) as Held);
    });
    child.once('exit', (code, sig) => reject(new Error(`fixture exited (${code ?? sig}) before it started`)));
  });
  const pids = Object.values(held.pids);
  assert.equal(pids.length, controllers ? 3 : 2);
  assert.ok(pids.every(alive));
  child.kill(signal);
  await exited;
  // The kernel delivers the parent-death signal at once; allow the processes a moment to be reaped.
  const deadline = Date.now() + 10_000;
  while (pids.some(alive) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  assert.deepEqual(
    pids.filter(alive),
    [],
    `still running after the test process got ${signal}: ${JSON.stringify(held.pids)}`,
  );
  const pgrep = spawnSync('pgrep', ['-f', held.workDir], { encoding: 'utf8' });
  assert.equal(pgrep.stdout.trim(), '', `processes still running for ${held.workDir}`);
  if (signal === 'SIGKILL') {
    // Nothing ran in the killed process, so its files are left for us.
    rmSync(held.workDir, { recursive: true, force: true });
  } else {
    assert.equal(existsSync(held.workDir), false, `${held.workDir} left behind`);
  }
}

test('a test process ended by SIGTERM takes its control plane with it', { skip }, () =>
  endsWith('SIGTERM', true),
);

test('a test process ended by SIGKILL takes its control plane with it', { skip }, () =>
  endsWith('SIGKILL', false),
);
