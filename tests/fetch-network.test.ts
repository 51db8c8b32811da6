// `copydesk fetch` connects to public addresses only unless --allow-private-network:
// the range table, the refusal of a loopback URL (by IP and by name), of a
// redirect to a loopback address, of a name that resolves to one (as a DNS
// rebinding attack makes it), and the opt-in. Servers listen on 127.0.0.1 and
// 127.0.0.2; the "public" first hop of the redirect test is 127.0.0.1 declared
// public by a test policy, the way a public server would answer.

import { execFile } from 'node:child_process';
import type dns from 'node:dns';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchPage, type FetchOptions } from '../src/cli/fetch.js';
import { guardedConnector, specialRangeOf, type AddressPolicy } from '../src/cli/network.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const CLI = path.join(ROOT, 'dist', 'cli.js');
/** Runs the CLI without blocking the event loop (the test's servers answer it). */
function cli(args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { encoding: 'utf8', timeout: 20_000 }, (error, stdout, stderr) => {
      resolve({ status: error ? Number((error as { code?: unknown }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

const PAGE = '<html><head><title>Secret</title></head><body><article><h1>Secret page</h1><p>The internal secret is here.</p></article></body></html>';

describe('specialRangeOf', () => {
  it.each([
    ['127.0.0.2', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.5.4', 'private'],
    ['192.168.0.1', 'private'],
    ['169.254.169.254', 'linkLocal'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.251', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.7', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:169.254.169.254', 'linkLocal'],
    ['[::ffff:10.0.0.1]', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['::7f00:1', 'ipv4Compatible'],
    ['fe80::1%eth0', 'linkLocal'],
    ['not-an-ip', 'unparsable'],
  ])('%s is %s', (address, range) => {
    expect(specialRangeOf(address)).toBe(range);
  });

  it.each(['93.184.215.14', '8.8.8.8', '1.1.1.1', '2606:4700:4700::1111', '::ffff:8.8.8.8', '64:ff9b::808:808'])('%s is public', (address) => {
    expect(specialRangeOf(address)).toBeNull();
  });
});

describe('fetch refuses non-public addresses unless --allow-private-network', () => {
  let front: http.Server;
  let secret: http.Server;
  let frontBase = '';
  let secretUrl = '';
  const secretRequests: string[] = [];

  beforeAll(async () => {
    secret = http.createServer((req, res) => {
      secretRequests.push(String(req.url));
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(PAGE);
    });
    await new Promise<void>((resolve) => secret.listen(0, '127.0.0.2', resolve));
    secretUrl = `http://127.0.0.2:${(secret.address() as AddressInfo).port}/secret`;
    front = http.createServer((req, res) => {
      if (req.url === '/to-secret') res.writeHead(302, { location: secretUrl }).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(PAGE);
    });
    await new Promise<void>((resolve) => front.listen(0, '127.0.0.1', resolve));
    frontBase = `http://127.0.0.1:${(front.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    for (const server of [front, secret]) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });

  const options = (extra: Partial<FetchOptions> = {}): FetchOptions => ({
    userAgent: 'test',
    timeoutMs: 5000,
    maxBytes: 1_000_000,
    maxRedirects: 5,
    allowPrivateNetwork: false,
    ...extra,
  });
  /** A dispatcher for which 127.0.0.1 stands for a public address: a public site. */
  const publicFront = (policy: AddressPolicy = {}) =>
    new Agent({ connect: guardedConnector({ specialRange: (a) => (a === '127.0.0.1' ? null : specialRangeOf(a)), ...policy }) });

  it('refuses a loopback IP literal as the first URL, before connecting', async () => {
    const before = secretRequests.length;
    const result = await fetchPage(secretUrl, options());
    expect(result).toEqual({
      error: {
        kind: 'blocked-address',
        message: 'refused to connect to 127.0.0.2: a loopback address; fetching from local or private networks needs --allow-private-network',
      },
    });
    expect(secretRequests.length).toBe(before);
  });

  it('refuses a name that resolves to a loopback address (localhost)', async () => {
    const result = await fetchPage(`http://localhost:${(front.address() as AddressInfo).port}/`, options());
    expect('error' in result && result.error.kind).toBe('blocked-address');
    expect('error' in result && result.error.message).toMatch(/^refused to connect to localhost \((127\.0\.0\.1|::1)\): a loopback address/);
  });

  it('refuses a redirect from a public site to 127.0.0.2; the secret server gets no request', async () => {
    const before = secretRequests.length;
    const result = await fetchPage(`${frontBase}/to-secret`, options({ dispatcher: publicFront() }));
    expect('error' in result && result.error.kind).toBe('blocked-address');
    expect('error' in result && result.error.message).toBe(
      `refused to connect to 127.0.0.2: a loopback address; fetching from local or private networks needs --allow-private-network (redirected to ${secretUrl})`,
    );
    expect(secretRequests.length).toBe(before);
    // The public site itself is fetched.
    const front = await fetchPage(`${frontBase}/page`, options({ dispatcher: publicFront() }));
    expect('bytes' in front && Buffer.from(front.bytes).toString()).toBe(PAGE);
  });

  it('checks the address the name resolves to when connecting (a rebinding name answering 10.0.0.1)', async () => {
    const rebinding = ((_host: string, _opts: unknown, callback: (e: null, a: dns.LookupAddress[]) => void) =>
      callback(null, [{ address: '10.0.0.1', family: 4 }])) as unknown as typeof dns.lookup;
    const result = await fetchPage('http://news.rebind.test/story', options({ dispatcher: publicFront({ lookup: rebinding }) }));
    expect('error' in result && result.error.message).toMatch(/^refused to connect to news\.rebind\.test \(10\.0\.0\.1\): a private address/);
  });

  it('connects to the public addresses of a name and drops its private ones', async () => {
    const mixed = ((_host: string, _opts: unknown, callback: (e: null, a: dns.LookupAddress[]) => void) =>
      callback(null, [
        { address: '10.0.0.1', family: 4 },
        { address: '127.0.0.1', family: 4 },
      ])) as unknown as typeof dns.lookup;
    const port = (front.address() as AddressInfo).port;
    const result = await fetchPage(`http://mixed.test:${port}/page`, options({ dispatcher: publicFront({ lookup: mixed }) }));
    expect('bytes' in result && Buffer.from(result.bytes).toString()).toBe(PAGE);
  });

  it('the CLI: exit 1 with the reason; --allow-private-network fetches the same page', async () => {
    const refused = await cli(['fetch', `${frontBase}/to-secret`, '--format', 'text']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toBe(
      `copydesk: cannot fetch ${frontBase}/to-secret: refused to connect to 127.0.0.1: a loopback address; fetching from local or private networks needs --allow-private-network (blocked-address)\n`,
    );
    const allowed = await cli(['fetch', `${frontBase}/to-secret`, '--format', 'text', '--allow-private-network']);
    expect(allowed.status).toBe(0);
    expect(allowed.stdout).toContain('The internal secret is here.');
  });
});
