/**
 * Targets: host names, IPv4/IPv6 addresses and CIDRs, expanded to the addresses that are probed. Only these are
 * ever touched; the caller asks for confirmation past `CONFIRM_ABOVE` addresses.
 */
import { isIP } from 'node:net';

/** More addresses than this need `--yes`. */
export const CONFIRM_ABOVE = 256;

/** The largest expansion allowed at all, so a typo (a /8) cannot start a week-long scan. */
export const MAX_ADDRESSES = 65536;

function ipv4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

function intToIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

/** Addresses in a CIDR (network and broadcast included when the prefix is /31 or /32, skipped otherwise). */
function expandIpv4Cidr(base: string, prefix: number): string[] {
  const size = 2 ** (32 - prefix);
  const network = Math.floor(ipv4ToInt(base) / size) * size;
  if (size <= 2) return Array.from({ length: size }, (_, i) => intToIpv4(network + i));
  return Array.from({ length: size - 2 }, (_, i) => intToIpv4(network + 1 + i));
}

/** Expands the targets into unique addresses in the order given, or says which one is wrong and why. */
export function expandTargets(
  targets: readonly string[],
): { ok: true; value: string[] } | { ok: false; message: string } {
  const out = new Set<string>();
  for (const target of targets) {
    const [base = '', bits, extra] = target.split('/');
    if (bits === undefined) {
      const host = base.replace(/^\[(.*)\]$/, '$1');
      if (isIP(host) === 0 && !/^[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?$/.test(host))
        return { ok: false, message: `probe: "${target}" is not a host name, IP address or CIDR` };
      out.add(host);
      continue;
    }
    const prefix = Number(bits);
    if (extra !== undefined || isIP(base) === 0 || !/^\d+$/.test(bits))
      return { ok: false, message: `probe: "${target}" is not a CIDR — write it like 10.0.0.0/24` };
    if (isIP(base) === 6)
      return {
        ok: false,
        message: `probe: "${target}": IPv6 ranges are not expanded — give the addresses one by one`,
      };
    if (prefix > 32 || 2 ** (32 - prefix) > MAX_ADDRESSES)
      return {
        ok: false,
        message: `probe: "${target}" is larger than /16 (${MAX_ADDRESSES} addresses) — split it into smaller ranges`,
      };
    for (const address of expandIpv4Cidr(base, prefix)) out.add(address);
  }
  return { ok: true, value: [...out] };
}

/** True for loopback addresses and `localhost`. */
export function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\./.test(host);
}
