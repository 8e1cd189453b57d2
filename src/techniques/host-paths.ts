/**
 * Which host paths a hostPath volume may name without handing over the node, and which hand it over: the
 * sensitive directories (root through files host root runs or reads) and the container runtime sockets.
 */

/**
 * A host path as the kernel resolves it: `.` and empty segments dropped, `..` applied, no trailing slash, so
 * `/etc/` and `/var/../etc` both name `/etc`. Relative paths are rejected by the API server; they are made
 * absolute here rather than trusted.
 */
export function normalizeHostPath(path: string): string {
  const out: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') out.pop();
    else out.push(segment);
  }
  return `/${out.join('/')}`;
}

/** True when `path` is `base` or lies below it (both normalised). */
export function isWithin(path: string, base: string): boolean {
  return base === '/' || path === base || path.startsWith(`${base}/`);
}

/** A host path whose mount gives node root, and why. */
export interface SensitiveHostPath {
  readonly path: string;
  /** Paths below it are as dangerous (any file there is a credential or runs as root). */
  readonly subtree: boolean;
  /** Read-only is enough: the directory holds node or cluster credentials, not only files to overwrite. */
  readonly readOnlyRoot: boolean;
  readonly why: string;
}

const entry = (path: string, subtree: boolean, readOnlyRoot: boolean, why: string): SensitiveHostPath => ({
  path,
  subtree,
  readOnlyRoot,
  why,
});

/**
 * Host paths whose mount gives node root. A mount of an ancestor (`/`, `/var`) counts too, since it contains
 * them. Left out on purpose: `/dev` (the device cgroup still refuses host block devices), `/var/log` (a symlink
 * trick reads node files through `pods/log`, it is not root), `/var/lib/etcd` (it holds Secrets, not node
 * root), `/run`, `/var/run` (container runtime sockets: the runtime-socket-mount technique), `/proc` (the
 * core-pattern-escape technique), and read-only `/var/lib/kubelet/pods` (pod tokens, not the kubelet's own
 * credentials: the host-path-token-theft technique).
 */
export const SENSITIVE_HOST_PATHS: readonly SensitiveHostPath[] = [
  entry('/', false, true, "the node's whole filesystem"),
  entry('/etc', false, true, 'host configuration: crontab, sudoers, shadow, and the kubelet kubeconfig'),
  entry('/etc/kubernetes', true, true, 'kubelet kubeconfig, PKI and static pod manifests the kubelet runs'),
  entry('/etc/cron.d', true, false, 'cron jobs run as host root'),
  entry('/etc/crontab', true, false, 'cron jobs run as host root'),
  entry('/etc/sudoers.d', true, false, 'sudo rules for host users'),
  entry('/etc/systemd', true, false, 'systemd units run as host root'),
  entry('/root', true, true, "host root's SSH keys, kubeconfigs and shell start-up files"),
  entry('/home', true, false, "host users' SSH keys and shell start-up files"),
  entry(
    '/var/lib/kubelet',
    true,
    true,
    "the kubelet's client certificate and every pod's volumes and tokens",
  ),
  entry('/var/lib/kubelet/pods', true, false, "every pod's volumes, including those privileged pods run"),
  entry('/var/lib/docker', true, false, "other containers' root filesystems and images"),
  entry('/var/lib/containerd', true, false, "other containers' root filesystems and images"),
  entry('/var/spool/cron', true, false, 'cron jobs run as host root'),
  entry('/sys', true, false, 'cgroup release_agent and uevent_helper, run as host root'),
  entry('/boot', true, false, 'the kernel and boot loader the node starts'),
  entry('/usr', true, false, 'binaries and libraries host root runs'),
  entry('/bin', true, false, 'binaries host root runs'),
  entry('/sbin', true, false, 'binaries host root runs'),
  entry('/lib', true, false, 'libraries host root loads'),
  entry('/lib64', true, false, 'libraries host root loads'),
  entry('/opt/cni', true, false, 'CNI plugins the kubelet runs as host root'),
];

/**
 * The sensitive entry a host path exposes: it is the entry, or contains entries (then one whose credentials are
 * readable decides, if any), or lies inside subtree entries (then the deepest decides: `/var/lib/kubelet/pods/x`
 * is a pod directory, not the kubelet's certificate).
 */
export function sensitiveHostPath(hostPath: string): SensitiveHostPath | undefined {
  const path = normalizeHostPath(hostPath);
  let contained: SensitiveHostPath | undefined;
  let inside: SensitiveHostPath | undefined;
  for (const candidate of SENSITIVE_HOST_PATHS) {
    if (candidate.path === path) return candidate;
    if (isWithin(candidate.path, path)) {
      if (contained === undefined || (candidate.readOnlyRoot && !contained.readOnlyRoot))
        contained = candidate;
    } else if (candidate.subtree && isWithin(path, candidate.path)) {
      if (inside === undefined || candidate.path.length > inside.path.length) inside = candidate;
    }
  }
  return contained ?? inside;
}

/**
 * Container runtime API sockets, and the directories that hold them. Whoever can connect() starts a privileged
 * container on the node; a read-only bind mount does not stop connect(). `/var/run` is a symlink to `/run` on
 * current distributions, so both spellings are listed. k3s keeps its containerd socket under `/run/k3s`, and
 * dockerd keeps the containerd it manages under `/run/docker/containerd`.
 */
export const RUNTIME_SOCKET_PATHS: readonly string[] = [
  '/run',
  '/run/containerd',
  '/run/containerd/containerd.sock',
  '/run/crio',
  '/run/crio/crio.sock',
  '/run/cri-dockerd.sock',
  '/run/docker',
  '/run/docker.sock',
  '/run/docker/containerd/containerd.sock',
  '/run/k3s/containerd',
  '/run/k3s/containerd/containerd.sock',
  '/var/run',
  '/var/run/containerd',
  '/var/run/containerd/containerd.sock',
  '/var/run/crio',
  '/var/run/crio/crio.sock',
  '/var/run/cri-dockerd.sock',
  '/var/run/docker',
  '/var/run/docker.sock',
  '/var/run/docker/containerd/containerd.sock',
];

/** True when a host path is a container runtime socket or a directory holding one. */
export function isRuntimeSocketPath(hostPath: string): boolean {
  return RUNTIME_SOCKET_PATHS.includes(normalizeHostPath(hostPath));
}
