import { isIP, type AddressInfo } from 'node:net';

/** The host the inspector listens on unless told otherwise: only this machine can connect. */
export const DEFAULT_LISTEN_HOST = '127.0.0.1';

// A DNS name as RFC 1123 writes one: dot-separated labels of letters, digits and inner hyphens,
// each at most 63 characters, 253 in all.
const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOST_NAME = new RegExp(`^(?=.{1,253}\\.?$)${LABEL}(?:\\.${LABEL})*\\.?$`, 'i');

/**
 * Returns the host to listen on for `--host VALUE`: an IPv4 or IPv6 address (IPv6 with or without
 * brackets) or a host name; or, for anything else, what was expected. An empty host is refused:
 * Node would bind it to every interface without a word. Pure.
 */
export function parseListenHost(value: string): { host: string } | { error: string } {
  const bare = /^\[(.*)\]$/.exec(value)?.[1] ?? value;
  if (isIP(bare) !== 0 || (bare === value && HOST_NAME.test(value))) return { host: bare };
  return {
    error: `expected an IP address (127.0.0.1, ::1, 0.0.0.0 for every interface) or a host name, got ${JSON.stringify(value)}`,
  };
}

/** True for an address only this machine reaches: 127.0.0.0/8, ::1, or IPv4-mapped loopback. Pure. */
export function isLoopbackAddress(address: string): boolean {
  const v4 = /^(?:::ffff:)?(\d+)\.\d+\.\d+\.\d+$/i.exec(address);
  if (v4) return v4[1] === '127';
  return address === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(address);
}

/**
 * Returns the warning for a server bound beyond this machine, naming who can then reach it, or
 * undefined on loopback. `drivable`: requests can move what the server streams (`--stately`). Pure.
 */
export function describeExposure(address: AddressInfo, drivable: boolean): string | undefined {
  if (isLoopbackAddress(address.address)) return undefined;
  const everywhere = address.address === '0.0.0.0' || address.address === '::';
  const where = everywhere
    ? `every network interface (${address.address})`
    : `${address.address}, an address other machines can use`;
  const who = everywhere
    ? `any machine that can reach this one on port ${address.port}: the networks it is on, and beyond them wherever a router forwards the port`
    : `any machine that can reach ${address.address} on port ${address.port}`;
  return `warning: listening on ${where}, not only this machine: ${who} can open the inspector and read the scenario${
    drivable ? ", and move the parties' actors streamed to Stately" : ''
  }; use --host 127.0.0.1 (the default) to keep it to this machine`;
}
