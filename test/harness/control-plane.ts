// A real Kubernetes control plane for tests: etcd, kube-apiserver and (optionally) kube-controller-manager,
// built from the Go module proxy by test/controlplane/build.sh and started on loopback only, on free ports,
// with throwaway certificates, static-token users, service-account signing keys and a Metadata audit log.
//
//   const cp = await startControlPlane();           // newest version in test/controlplane/versions.txt
//   const res = await cp.request('alice', 'GET', '/api/v1/namespaces/default/secrets');
//   await cp.stop();
//
// Every process started here is killed when the test process exits, is interrupted or dies: exit and signal
// handlers kill them, and where util-linux `setpriv` exists each one also gets a parent-death signal.
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Static-token users every control plane has. Keys are user names. */
export const DEFAULT_USERS: Readonly<Record<string, readonly string[]>> = {
  admin: ['system:masters'],
  alice: [],
  bob: [],
  chokepoint: [],
  'system:node:test-node': ['system:nodes'],
  'system:kube-controller-manager': [],
};

/** Namespaces that exist on a fresh cluster and that resetNamespaces() keeps. */
export const SYSTEM_NAMESPACES: readonly string[] = [
  'default',
  'kube-node-lease',
  'kube-public',
  'kube-system',
];

/** Controllers run by kube-controller-manager: just what the tests need. */
export const CONTROLLERS: readonly string[] = [
  'clusterrole-aggregation-controller',
  'serviceaccount-controller',
  'serviceaccount-token-controller',
  'namespace-controller',
];

export interface StartOptions {
  /** Kubernetes version: '1.36', 'v1.36.3', ... Default: $CHOKEPOINT_K8S_VERSION or the newest in versions.txt. */
  version?: string;
  /** Run kube-controller-manager (aggregated roles, default ServiceAccounts, namespace deletion). Default true. */
  controllers?: boolean;
  /** More static-token users: name -> groups (admin cannot be redefined). */
  users?: Record<string, string[]>;
  /** Extra kube-apiserver flags, e.g. ['--anonymous-auth=false']. */
  apiserverArgs?: string[];
  /** Time allowed for the whole start. Default 180 s. */
  timeoutMs?: number;
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The raw body. */
  text: string;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: T;
}

export interface RequestOptions {
  /** Content-Type of the body; default application/json (use application/merge-patch+json etc. for PATCH). */
  contentType?: string;
  headers?: Record<string, string>;
  /** Per-request timeout, default 30 s. */
  timeoutMs?: number;
}

/** Who sends a request: a static-token user name, a bearer token, or nobody (anonymous). */
export type Caller = string | { token: string } | { anonymous: true };

export interface ControlPlane {
  /** https://127.0.0.1:<port> */
  readonly url: string;
  /** PEM file of the CA that signed the serving certificate. */
  readonly caFile: string;
  /** Bearer token of every static user. */
  readonly tokens: Readonly<Record<string, string>>;
  /** Kubernetes version of the binaries, e.g. '1.36.3'. */
  readonly version: string;
  /** Where the Metadata-level audit log (JSON lines) is written. */
  readonly auditLogPath: string;
  /** Throwaway directory with certificates, keys, etcd data and the components' logs. */
  readonly workDir: string;
  /** The service-account issuer tokens carry. */
  readonly serviceAccountIssuer: string;
  /** Process ids of etcd, kube-apiserver and (if started) kube-controller-manager. */
  readonly pids: Readonly<Record<string, number>>;
  /** Writes a kubeconfig for a static user and returns its path. */
  kubeconfigFor(user: string): string;
  /** A request to the API server over https, trusting only the test CA. */
  request<T = unknown>(
    who: Caller,
    method: string,
    path: string,
    body?: unknown,
    options?: RequestOptions,
  ): Promise<ApiResponse<T>>;
  /** Deletes every namespace that is not a system namespace and waits until they are gone. */
  resetNamespaces(timeoutMs?: number): Promise<void>;
  /** Deletes ClusterRoles and ClusterRoleBindings that are not bootstrap RBAC (no rbac-defaults label). */
  resetClusterRbac(): Promise<void>;
  /** The last lines of one component's log, for error messages. */
  logTail(component: 'etcd' | 'kube-apiserver' | 'kube-controller-manager', lines?: number): string;
  /** SIGTERM every process, SIGKILL what is left after a timeout, and remove the work directory. */
  stop(): Promise<void>;
}

const SA_ISSUER = 'https://kubernetes.default.svc.cluster.local';
const BINARIES = ['etcd', 'kube-apiserver', 'kube-controller-manager'] as const;

// ---------------------------------------------------------------------------------------------------------
// Locations and versions

/** The repo root: the nearest ancestor of this file that holds test/controlplane/versions.txt. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'test', 'controlplane', 'versions.txt'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) throw new Error('control-plane harness: cannot find test/controlplane/versions.txt');
    dir = parent;
  }
}

/** The Kubernetes versions build.sh builds, oldest first, e.g. ['1.36.3', '1.37.2']. */
export function supportedVersions(): string[] {
  return readFileSync(join(repoRoot(), 'test', 'controlplane', 'versions.txt'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#'));
}

/** '1.36', 'v1.36' or '1.36.3' -> '1.36.3'; undefined -> $CHOKEPOINT_K8S_VERSION or the newest version. */
export function resolveVersion(version?: string): string {
  const versions = supportedVersions();
  const want = (version ?? process.env.CHOKEPOINT_K8S_VERSION ?? '').replace(/^v/, '');
  if (want === '') {
    const newest = versions[versions.length - 1];
    if (newest === undefined) throw new Error('control-plane harness: versions.txt lists no version');
    return newest;
  }
  const found = versions.find((v) => v === want || v.startsWith(`${want}.`));
  if (found !== undefined) return found;
  if (/^1\.\d+\.\d+$/.test(want)) return want;
  throw new Error(
    `control-plane harness: unknown Kubernetes version ${version} (known: ${versions.join(', ')})`,
  );
}

/** '1.36.3' -> 'v1.36' */
export function minorOf(version: string): string {
  const m = /^v?(\d+)\.(\d+)/.exec(version);
  if (!m) throw new Error(`not a Kubernetes version: ${version}`);
  return `v${m[1]}.${m[2]}`;
}

/** Where build.sh puts the binaries of one version. */
export function binDir(version?: string): string {
  return join(repoRoot(), '.cache', 'controlplane', `v${resolveVersion(version)}`, 'bin');
}

function binariesPresent(version: string): boolean {
  const dir = binDir(version);
  return BINARIES.every((b) => {
    try {
      return statSync(join(dir, b)).isFile();
    } catch {
      return false;
    }
  });
}

let goChecked: boolean | undefined;

/** Whether a Go toolchain is on PATH (or at /usr/local/go/bin/go). */
export function goAvailable(): boolean {
  if (goChecked === undefined) {
    goChecked = [process.env.GO ?? 'go', '/usr/local/go/bin/go'].some(
      (go) => spawnSync(go, ['version'], { stdio: 'ignore', timeout: 20_000 }).status === 0,
    );
  }
  return goChecked;
}

/**
 * Why the live control-plane tests cannot run here, or undefined when they can. They can when the binaries of
 * the version are built; or when Go is present and either CI is set or CHOKEPOINT_CONTROLPLANE_BUILD=1, in
 * which case startControlPlane() runs build.sh first (and says so).
 */
export function controlPlaneSkipReason(version?: string): string | undefined {
  let v: string;
  try {
    v = resolveVersion(version);
  } catch (e) {
    return (e as Error).message;
  }
  if (binariesPresent(v)) return undefined;
  const build = `bash test/controlplane/build.sh ${v}`;
  if (!goAvailable()) {
    return `no Go toolchain and no control-plane binaries for v${v}: install Go, then run \`${build}\``;
  }
  if (autoBuildAllowed()) return undefined;
  return (
    `control-plane binaries for v${v} are not built: run \`${build}\` (a cold build takes many minutes), ` +
    'or set CHOKEPOINT_CONTROLPLANE_BUILD=1 to let the tests build them'
  );
}

function autoBuildAllowed(): boolean {
  return process.env.CHOKEPOINT_CONTROLPLANE_BUILD === '1' || (process.env.CI ?? '') !== '';
}

function ensureBinaries(version: string): void {
  if (binariesPresent(version)) return;
  if (!goAvailable() || !autoBuildAllowed()) {
    throw new Error(controlPlaneSkipReason(version) ?? `control-plane binaries for v${version} missing`);
  }
  const script = join(repoRoot(), 'test', 'controlplane', 'build.sh');
  process.stderr.write(
    `# control-plane binaries for v${version} are missing: running build.sh ${version} ` +
      '(a cold build takes many minutes; build.sh prints its progress)\n',
  );
  const r = spawnSync('bash', [script, version], { stdio: ['ignore', 2, 2] });
  if (r.status !== 0) throw new Error(`build.sh ${version} failed with exit status ${r.status}`);
}

// ---------------------------------------------------------------------------------------------------------
// Process bookkeeping: nothing started here may outlive this process.

const live = new Set<ChildProcess>();
const liveWorkDirs = new Set<string>();
let handlersInstalled = false;

function killAllNow(): void {
  for (const child of live) {
    try {
      child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  live.clear();
  if (process.env.CHOKEPOINT_KEEP_CONTROLPLANE === '1') return;
  for (const dir of liveWorkDirs) {
    try {
      // The components were just sent SIGKILL and may still be writing: retry on ENOTEMPTY.
      rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 50 });
    } catch {
      // best effort while exiting
    }
  }
  liveWorkDirs.clear();
}

function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAllNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    const onSignal = (): void => {
      killAllNow();
      // Restore the default action and die of the same signal, as if no handler had been installed,
      // unless someone else handles it.
      process.removeListener(signal, onSignal);
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    };
    process.on(signal, onSignal);
  }
}

let setprivChecked: boolean | undefined;
function hasSetpriv(): boolean {
  if (setprivChecked === undefined) {
    const r = spawnSync('setpriv', ['--help'], { encoding: 'utf8', timeout: 10_000 });
    setprivChecked = r.status === 0 && r.stdout.includes('--pdeathsig');
  }
  return setprivChecked;
}

function launch(binary: string, args: string[], logFile: string): ChildProcess {
  installExitHandlers();
  const log = openSync(logFile, 'a');
  // setpriv --pdeathsig makes the kernel SIGKILL the component if this process dies without running any
  // handler (SIGKILL, a crash). It execs in place, so the pid is the component's own.
  const [cmd, argv] = hasSetpriv()
    ? ['setpriv', ['--pdeathsig', 'KILL', '--', binary, ...args]]
    : [binary, args];
  const child = spawn(cmd, argv, { stdio: ['ignore', log, log], detached: false });
  closeSync(log);
  live.add(child);
  child.once('exit', () => live.delete(child));
  // Do not keep the event loop alive: a test that forgets stop() still lets the process exit, and the exit
  // handler then kills the component.
  child.unref();
  return child;
}

function exited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

async function terminate(child: ChildProcess, graceMs: number): Promise<void> {
  if (exited(child)) return;
  const done = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await done;
  clearTimeout(timer);
  live.delete(child);
}

// ---------------------------------------------------------------------------------------------------------
// Small helpers

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr !== null ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

async function freePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

function openssl(args: string[], cwd: string): void {
  const r = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`control-plane harness needs openssl: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${r.stderr}`);
}

/** A CA, a serving certificate for 127.0.0.1 signed by it, and a service-account signing key pair. */
function makeCredentials(dir: string): void {
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  openssl(
    [
      'req',
      '-x509',
      ...ec,
      '-keyout',
      'ca.key',
      '-out',
      'ca.crt',
      '-days',
      '2',
      '-subj',
      '/CN=chokepoint-test-ca',
    ],
    dir,
  );
  const san = 'subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes,DNS:kubernetes.default.svc';
  openssl(
    [
      ...['req', '-x509', ...ec, '-keyout', 'apiserver.key', '-out', 'apiserver.crt', '-days', '2'],
      ...['-subj', '/CN=kube-apiserver', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-addext', san],
      ...['-addext', 'extendedKeyUsage=serverAuth', '-addext', 'basicConstraints=critical,CA:FALSE'],
    ],
    dir,
  );
  openssl(['genpkey', '-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048', '-out', 'sa.key'], dir);
  openssl(['pkey', '-in', 'sa.key', '-pubout', '-out', 'sa.pub'], dir);
}

function csvField(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

function tail(file: string, lines = 40): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text
      .split('\n')
      .slice(-lines - 1)
      .join('\n');
  } catch {
    return '(no log)';
  }
}

// ---------------------------------------------------------------------------------------------------------
// Starting

class StartError extends Error {
  constructor(
    message: string,
    readonly portClash: boolean,
  ) {
    super(message);
  }
}

/**
 * Starts etcd, kube-apiserver and (unless controllers is false) kube-controller-manager for one version, and
 * resolves once /readyz answers ok, bootstrap RBAC is in place and, with controllers, the aggregated admin
 * role has rules and the default ServiceAccount exists.
 */
export async function startControlPlane(opts: StartOptions = {}): Promise<ControlPlane> {
  const version = resolveVersion(opts.version);
  ensureBinaries(version);
  let lastError: unknown;
  // Ports are picked free and then handed to the components, so another process may take one in between:
  // start again on fresh ports when that happens.
  for (let attempt = 1; attempt <= 3; attempt++) {
    try {
      return await startOnce(version, opts);
    } catch (e) {
      lastError = e;
      if (!(e instanceof StartError && e.portClash)) throw e;
    }
  }
  throw lastError;
}

async function startOnce(version: string, opts: StartOptions): Promise<ControlPlane> {
  const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
  const bin = binDir(version);
  const workDir = mkdtempSync(join(tmpdir(), 'chokepoint-cp-'));
  liveWorkDirs.add(workDir);
  const children: Record<string, ChildProcess> = {};
  const logs = {
    etcd: join(workDir, 'etcd.log'),
    'kube-apiserver': join(workDir, 'kube-apiserver.log'),
    'kube-controller-manager': join(workDir, 'kube-controller-manager.log'),
  };
  const stopAll = async (): Promise<void> => {
    const order = ['kube-controller-manager', 'kube-apiserver', 'etcd'];
    for (const name of order) {
      const c = children[name];
      if (c) await terminate(c, 10_000);
    }
  };

  try {
    makeCredentials(workDir);

    // The harness itself acts as admin, so admin stays in system:masters whatever opts.users says.
    const users: Record<string, readonly string[]> = {
      ...DEFAULT_USERS,
      ...(opts.users ?? {}),
      admin: ['system:masters'],
    };
    const tokens: Record<string, string> = {};
    const csv: string[] = [];
    for (const [user, groups] of Object.entries(users)) {
      const token = randomBytes(24).toString('hex');
      tokens[user] = token;
      const uid = `uid-${user.replace(/[^a-zA-Z0-9]/g, '-')}`;
      csv.push([token, csvField(user), csvField(uid), csvField(groups.join(','))].join(','));
    }
    writeFileSync(join(workDir, 'tokens.csv'), `${csv.join('\n')}\n`, { mode: 0o600 });
    writeFileSync(
      join(workDir, 'audit-policy.yaml'),
      'apiVersion: audit.k8s.io/v1\nkind: Policy\nrules:\n  - level: Metadata\n',
    );
    const auditLogPath = join(workDir, 'audit.log');
    const [etcdClient, etcdPeer, apiPort] = (await freePorts(3)) as [number, number, number];
    const url = `https://127.0.0.1:${apiPort}`;
    const caFile = join(workDir, 'ca.crt');
    const agent = new Agent({ ca: readFileSync(caFile), keepAlive: true, maxSockets: 16 });

    // etcd
    const etcdData = join(workDir, 'etcd');
    mkdirSync(etcdData, { mode: 0o700 });
    children.etcd = launch(
      join(bin, 'etcd'),
      [
        '--name=controlplane',
        `--data-dir=${etcdData}`,
        `--listen-client-urls=http://127.0.0.1:${etcdClient}`,
        `--advertise-client-urls=http://127.0.0.1:${etcdClient}`,
        `--listen-peer-urls=http://127.0.0.1:${etcdPeer}`,
        `--initial-advertise-peer-urls=http://127.0.0.1:${etcdPeer}`,
        `--initial-cluster=controlplane=http://127.0.0.1:${etcdPeer}`,
        '--initial-cluster-state=new',
        '--log-level=warn',
        // A test cluster's data is thrown away: skip fsync, which dominates write latency on slow disks.
        '--unsafe-no-fsync',
      ],
      logs.etcd,
    );
    await waitUntil('etcd /health', deadline, children.etcd, logs.etcd, async () => {
      const r = await plainGet(`http://127.0.0.1:${etcdClient}/health`);
      return r.status === 200 && r.text.includes('"health":"true"');
    });

    // kube-apiserver
    children['kube-apiserver'] = launch(
      join(bin, 'kube-apiserver'),
      [
        '--advertise-address=127.0.0.1',
        // Since 1.37 the endpoint reconcilers refuse a loopback advertise address (the "kubernetes" Service's
        // endpoints may not be loopback); nothing here reaches the API server through that Service anyway.
        '--endpoint-reconciler-type=none',
        '--bind-address=127.0.0.1',
        `--secure-port=${apiPort}`,
        `--cert-dir=${join(workDir, 'certs')}`,
        `--tls-cert-file=${join(workDir, 'apiserver.crt')}`,
        `--tls-private-key-file=${join(workDir, 'apiserver.key')}`,
        `--client-ca-file=${caFile}`,
        `--etcd-servers=http://127.0.0.1:${etcdClient}`,
        '--authorization-mode=Node,RBAC',
        '--enable-admission-plugins=NodeRestriction',
        `--token-auth-file=${join(workDir, 'tokens.csv')}`,
        `--service-account-issuer=${SA_ISSUER}`,
        `--service-account-key-file=${join(workDir, 'sa.pub')}`,
        `--service-account-signing-key-file=${join(workDir, 'sa.key')}`,
        // Only a setting (the range Service IPs are allocated from); nothing is routed to it.
        '--service-cluster-ip-range=10.96.0.0/16',
        '--allow-privileged=true',
        `--audit-policy-file=${join(workDir, 'audit-policy.yaml')}`,
        `--audit-log-path=${auditLogPath}`,
        '--profiling=false',
        ...(opts.apiserverArgs ?? []),
      ],
      logs['kube-apiserver'],
    );
    await waitUntil(
      'kube-apiserver /readyz',
      deadline,
      children['kube-apiserver'],
      logs['kube-apiserver'],
      async () => {
        // With a token, so that this works with --anonymous-auth=false too.
        const r = await doRequest(agent, url, 'admin', tokens, 'GET', '/readyz', undefined, {});
        return r.status === 200;
      },
    );

    const writeKubeconfig = (user: string, token: string): string => {
      const file = join(workDir, `kubeconfig-${user.replace(/[^a-zA-Z0-9_.-]/g, '_')}.yaml`);
      const config = {
        apiVersion: 'v1',
        kind: 'Config',
        clusters: [{ name: 'test', cluster: { server: url, 'certificate-authority': caFile } }],
        users: [{ name: user, user: { token } }],
        contexts: [{ name: user, context: { cluster: 'test', user } }],
        'current-context': user,
      };
      writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`, { mode: 0o600 });
      return file;
    };

    const withControllers = opts.controllers ?? true;
    if (withControllers) {
      const kcmToken = tokens['system:kube-controller-manager']!;
      children['kube-controller-manager'] = launch(
        join(bin, 'kube-controller-manager'),
        [
          `--kubeconfig=${writeKubeconfig('system:kube-controller-manager', kcmToken)}`,
          `--controllers=${CONTROLLERS.join(',')}`,
          // As kubeadm runs it: each controller acts as its own ServiceAccount with its bootstrap role.
          '--use-service-account-credentials=true',
          `--service-account-private-key-file=${join(workDir, 'sa.key')}`,
          `--root-ca-file=${caFile}`,
          '--leader-elect=false',
          '--secure-port=0',
          '--bind-address=127.0.0.1',
          '--profiling=false',
        ],
        logs['kube-controller-manager'],
      );
    }

    const request = <T = unknown>(
      who: Caller,
      method: string,
      path: string,
      body?: unknown,
      options: RequestOptions = {},
    ): Promise<ApiResponse<T>> => doRequest<T>(agent, url, who, tokens, method, path, body, options);

    if (withControllers) {
      const kcm = children['kube-controller-manager']!;
      await waitUntil(
        'aggregated ClusterRole admin',
        deadline,
        kcm,
        logs['kube-controller-manager'],
        async () => {
          const r = await request<{ rules?: unknown[] }>(
            'admin',
            'GET',
            '/apis/rbac.authorization.k8s.io/v1/clusterroles/admin',
          );
          return r.status === 200 && (r.json.rules?.length ?? 0) > 0;
        },
      );
      await waitUntil(
        'ServiceAccount default/default',
        deadline,
        kcm,
        logs['kube-controller-manager'],
        async () => {
          const r = await request('admin', 'GET', '/api/v1/namespaces/default/serviceaccounts/default');
          return r.status === 200;
        },
      );
    }

    const pids: Record<string, number> = {};
    for (const [name, c] of Object.entries(children)) if (c.pid !== undefined) pids[name] = c.pid;

    let stopped = false;
    const cp: ControlPlane = {
      url,
      caFile,
      tokens,
      version,
      auditLogPath,
      workDir,
      serviceAccountIssuer: SA_ISSUER,
      pids,
      kubeconfigFor(user: string): string {
        const token = tokens[user];
        if (token === undefined)
          throw new Error(`no static user ${user} (have: ${Object.keys(tokens).join(', ')})`);
        return writeKubeconfig(user, token);
      },
      request,
      async resetNamespaces(timeoutMs = 120_000): Promise<void> {
        if (!withControllers)
          throw new Error('resetNamespaces() needs the controller manager (controllers: true)');
        await resetNamespaces(request, timeoutMs, logs['kube-controller-manager']);
      },
      async resetClusterRbac(): Promise<void> {
        for (const kind of ['clusterrolebindings', 'clusterroles']) {
          const base = `/apis/rbac.authorization.k8s.io/v1/${kind}`;
          const r = await request<{ items: { metadata: { name: string } }[] }>(
            'admin',
            'GET',
            `${base}?labelSelector=${encodeURIComponent('kubernetes.io/bootstrapping!=rbac-defaults')}`,
          );
          for (const item of r.json.items) {
            await request('admin', 'DELETE', `${base}/${encodeURIComponent(item.metadata.name)}`);
          }
        }
      },
      logTail(component, lines = 40): string {
        return tail(logs[component], lines);
      },
      async stop(): Promise<void> {
        if (stopped) return;
        stopped = true;
        agent.destroy();
        await stopAll();
        if (process.env.CHOKEPOINT_KEEP_CONTROLPLANE === '1') {
          process.stderr.write(`# control plane files kept in ${workDir}\n`);
        } else {
          rmSync(workDir, { recursive: true, force: true });
        }
        liveWorkDirs.delete(workDir);
      },
    };
    return cp;
  } catch (e) {
    await stopAll();
    const message = e instanceof Error ? e.message : String(e);
    const clash = Object.values(logs).some((f) => /address already in use/i.test(tail(f, 200)));
    const kept = process.env.CHOKEPOINT_KEEP_CONTROLPLANE === '1';
    if (!kept) rmSync(workDir, { recursive: true, force: true });
    liveWorkDirs.delete(workDir);
    throw new StartError(`control plane v${version} failed to start: ${message}`, clash);
  }
}

async function waitUntil(
  what: string,
  deadline: number,
  child: ChildProcess,
  logFile: string,
  check: () => Promise<boolean>,
): Promise<void> {
  let lastError = '';
  for (;;) {
    if (exited(child)) {
      throw new Error(
        `${what}: process exited (${child.exitCode ?? child.signalCode}) before it was ready; log:\n${tail(logFile)}`,
      );
    }
    try {
      if (await check()) return;
    } catch (e) {
      lastError = e instanceof Error ? e.message : String(e);
    }
    if (Date.now() > deadline) {
      throw new Error(
        `${what}: not ready in time${lastError ? ` (${lastError})` : ''}; log:\n${tail(logFile)}`,
      );
    }
    await sleep(250);
  }
}

async function resetNamespaces(
  request: ControlPlane['request'],
  timeoutMs: number,
  kcmLog: string,
): Promise<void> {
  const list = await request<{ items: { metadata: { name: string } }[] }>(
    'admin',
    'GET',
    '/api/v1/namespaces',
  );
  if (list.status !== 200) throw new Error(`list namespaces: ${list.status} ${list.text}`);
  const doomed = list.json.items.map((n) => n.metadata.name).filter((n) => !SYSTEM_NAMESPACES.includes(n));
  for (const ns of doomed) {
    // No kubelet will ever confirm that a pod bound to a node has stopped: delete pods at once, or the
    // namespace would wait for them forever.
    await request('admin', 'DELETE', `/api/v1/namespaces/${ns}/pods`, {
      apiVersion: 'v1',
      kind: 'DeleteOptions',
      gracePeriodSeconds: 0,
    });
    const r = await request('admin', 'DELETE', `/api/v1/namespaces/${ns}`);
    if (r.status !== 200 && r.status !== 202 && r.status !== 404 && r.status !== 409) {
      throw new Error(`delete namespace ${ns}: ${r.status} ${r.text}`);
    }
  }
  const deadline = Date.now() + timeoutMs;
  for (const ns of doomed) {
    for (;;) {
      const r = await request('admin', 'GET', `/api/v1/namespaces/${ns}`);
      if (r.status === 404) break;
      if (Date.now() > deadline) {
        throw new Error(`namespace ${ns} still there after ${timeoutMs} ms: ${r.text}\n${tail(kcmLog)}`);
      }
      await sleep(200);
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// HTTP

async function plainGet(url: string): Promise<{ status: number; text: string }> {
  const res = await fetch(url, { signal: AbortSignal.timeout(5_000) });
  return { status: res.status, text: await res.text() };
}

function doRequest<T>(
  agent: Agent,
  base: string,
  who: Caller,
  tokens: Record<string, string>,
  method: string,
  path: string,
  body: unknown,
  options: RequestOptions,
): Promise<ApiResponse<T>> {
  const headers: Record<string, string> = { Accept: 'application/json', ...(options.headers ?? {}) };
  if (typeof who === 'string') {
    const token = tokens[who];
    if (token === undefined)
      throw new Error(`no static user ${who} (have: ${Object.keys(tokens).join(', ')})`);
    headers.Authorization = `Bearer ${token}`;
  } else if ('token' in who) {
    headers.Authorization = `Bearer ${who.token}`;
  }
  let payload: Buffer | undefined;
  if (body !== undefined) {
    payload = Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
    headers['Content-Type'] = options.contentType ?? 'application/json';
    headers['Content-Length'] = String(payload.length);
  }
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      new URL(path, base),
      { method, headers, agent, timeout: options.timeoutMs ?? 30_000 },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json: unknown;
          if ((res.headers['content-type'] ?? '').includes('json')) {
            try {
              json = JSON.parse(text);
            } catch {
              json = undefined;
            }
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json: json as T });
        });
      },
    );
    req.on('timeout', () => req.destroy(new Error(`${method} ${path}: timed out`)));
    req.on('error', reject);
    req.end(payload);
  });
}
