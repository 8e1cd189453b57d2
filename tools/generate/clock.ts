/** The fixed "now" of every generated cluster, so timestamps never depend on the wall clock. */
export const SNAPSHOT_EPOCH = Date.UTC(2025, 5, 2, 9, 30, 0) / 1000;

/** The cluster's birthday: nothing is older than this. */
export const CLUSTER_EPOCH = SNAPSHOT_EPOCH - 400 * 86400;

/** RFC 3339 with second precision, the way the API server prints metav1.Time. */
export function timestamp(epochSeconds: number): string {
  return `${new Date(Math.floor(epochSeconds) * 1000).toISOString().slice(0, 19)}Z`;
}
