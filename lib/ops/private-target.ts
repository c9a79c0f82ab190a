/**
 * Which addresses a hosted Callpace refuses to send to. Pure (no node: imports): the campaign
 * schema that uses it is also bundled into the dashboard's forms. DNS-time checks are in
 * ./private-address.
 *
 * RESULT_URL_DENY_PRIVATE=1 (hosted deployments): campaigns may not point start_url/result_url at
 * loopback, private, link-local or otherwise internal addresses, so a tenant cannot make the
 * server POST into its own network (SSRF). Off by default: a self-hosted Callpace commonly
 * delivers results to a receiver on localhost or the LAN.
 */
export function denyPrivateTargets(env?: Record<string, string | undefined>): boolean {
  // `process` may not exist where this is bundled for the browser; the server enforces it.
  const v = env ? env.RESULT_URL_DENY_PRIVATE : typeof process === 'undefined' ? undefined : process.env.RESULT_URL_DENY_PRIVATE;
  return v === '1' || v === 'true';
}

const V4_BLOCKED: Array<[string, number]> = [
  ['0.0.0.0', 8], // "this" network
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.88.99.0', 24], // 6to4 relay anycast
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => (n << 8) + Number(part), 0) >>> 0;
}

function isPrivateV4(ip: string): boolean {
  const n = v4ToInt(ip);
  return V4_BLOCKED.some(([base, bits]) => {
    const mask = bits === 0 ? 0 : (0xffffffff << (32 - bits)) >>> 0;
    return (n & mask) >>> 0 === (v4ToInt(base) & mask) >>> 0;
  });
}

/** The eight 16-bit groups of an IPv6 address (an embedded dotted IPv4 tail is expanded). */
function v6Groups(ip: string): number[] {
  let s = ip.toLowerCase().replace(/%.*$/, ''); // zone id
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (dotted) {
    const n = v4ToInt(dotted[1]);
    s = s.slice(0, -dotted[1].length) + `${(n >>> 16).toString(16)}:${(n & 0xffff).toString(16)}`;
  }
  const [head, tail] = s.includes('::') ? s.split('::') : [s, undefined];
  const h = head ? head.split(':') : [];
  const t = tail === undefined ? [] : tail ? tail.split(':') : [];
  const fill = tail === undefined ? [] : new Array(8 - h.length - t.length).fill('0');
  return [...h, ...fill, ...t].map((g) => parseInt(g, 16));
}

function embeddedV4(g: number[], from: number): string {
  return [g[from] >> 8, g[from] & 0xff, g[from + 1] >> 8, g[from + 1] & 0xff].join('.');
}

function isPrivateV6(ip: string): boolean {
  const g = v6Groups(ip);
  if (g.length !== 8 || g.some((x) => !Number.isInteger(x) || x < 0 || x > 0xffff)) return true; // unparseable: refuse
  const zeroTo = (k: number) => g.slice(0, k).every((x) => x === 0);
  if (zeroTo(8)) return true; // ::
  if (zeroTo(7) && g[7] === 1) return true; // ::1
  if (zeroTo(5) && g[5] === 0xffff) return isPrivateV4(embeddedV4(g, 6)); // ::ffff:a.b.c.d
  if (zeroTo(6)) return isPrivateV4(embeddedV4(g, 6)); // ::a.b.c.d (deprecated compatible form)
  if (g[0] === 0x64 && g[1] === 0xff9b && g.slice(2, 6).every((x) => x === 0)) return isPrivateV4(embeddedV4(g, 6)); // NAT64
  if (g[0] === 0x2002) return isPrivateV4(embeddedV4(g, 1)); // 6to4
  if ((g[0] & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g[0] & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  if ((g[0] & 0xffc0) === 0xfec0) return true; // fec0::/10 site-local (deprecated)
  if ((g[0] & 0xff00) === 0xff00) return true; // multicast
  if (g[0] === 0x2001 && g[1] === 0x0db8) return true; // documentation
  if (g[0] === 0x0100 && g.slice(1, 4).every((x) => x === 0)) return true; // discard-only
  return false;
}

const V4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;

/** 4 or 6 for an IP address literal (IPv6 without brackets, zone id allowed), else 0 — like net.isIP. */
export function ipVersion(s: string): 0 | 4 | 6 {
  if (V4.test(s)) return 4;
  if (!s.includes(':') || !/^[0-9a-fA-F:.]+(%.+)?$/.test(s)) return 0;
  try {
    new URL(`http://[${s.replace(/%.*$/, '')}]/`);
    return 6;
  } catch {
    return 0;
  }
}

/** True for loopback, private, link-local, CGNAT, multicast, reserved and unspecified addresses. */
export function isPrivateAddress(ip: string): boolean {
  const kind = ipVersion(ip.replace(/%.*$/, ''));
  if (kind === 4) return isPrivateV4(ip);
  if (kind === 6) return isPrivateV6(ip);
  return true; // not an address at all: never treat as public
}

/** A URL's hostname without IPv6 brackets or a trailing dot, lowercased. */
export function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').replace(/\.$/, '').toLowerCase();
}

/**
 * What can be judged without DNS: `localhost` (and *.localhost, which resolvers map to loopback)
 * and literal IP addresses in any spelling the URL parser accepts (it normalises 0x7f.1,
 * 2130706433 and 127.1 to 127.0.0.1). Returns a reason to refuse, or null.
 */
export function literalTargetProblem(rawUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return null; // format errors are the URL schema's business
  }
  const host = bareHost(url);
  if (host === 'localhost' || host.endsWith('.localhost')) return 'must not point to localhost';
  if (ipVersion(host) && isPrivateAddress(host)) return 'must not point to a private, loopback or link-local address';
  return null;
}

