import { createInspector, type StatelyInspectionEvent } from '@statelyai/inspect';
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/api/scenario.js';
import { startInspectorServer, type InspectorServer } from '../../src/inspector/server.js';
import { describeExposure, isLoopbackAddress, parseListenHost } from '../../src/inspector/listen-host.js';
import { DEFAULT_CACHE_CONTROL, SECURITY_HEADERS } from '../../src/inspector/response-policy.js';
import { ARTICLE, DEADLINE } from '../helpers/scenarios.js';

/**
 * A raw HTTP request, so that the Host header and the path are sent exactly as written. A server
 * may answer (413) before a large body is sent and then close the connection: the answer counts,
 * not the broken write that follows it.
 */
function send(
  server: InspectorServer,
  path: string,
  options: { host?: string; method?: string; body?: string; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(
      {
        host: '127.0.0.1',
        port: server.address.port,
        path,
        method: options.method ?? 'GET',
        headers: {
          host: options.host ?? `127.0.0.1:${server.address.port}`,
          'content-type': 'application/json',
          ...options.headers,
        },
      },
      (res) => {
        answered = true;
        let body = '';
        const done = () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        res.on('data', (chunk) => (body += chunk));
        res.on('end', done);
        res.on('close', done);
      },
    );
    req.on('error', (error) => setTimeout(() => answered || reject(error), 200));
    req.end(options.body);
  });
}

const scenario = loadScenario(ARTICLE);
let server: InspectorServer;
beforeAll(async () => {
  server = await startInspectorServer({ scenario });
});
afterAll(() => server.close());

describe('the inspector’s server', () => {
  it('binds 127.0.0.1 by default', () => {
    expect(server.address.address).toBe('127.0.0.1');
    expect(server.url).toBe(`http://127.0.0.1:${server.address.port}/`);
  });

  it('binds another address only when asked to (`--host`)', async () => {
    const everywhere = await startInspectorServer({ scenario, host: '0.0.0.0' });
    try {
      expect(everywhere.address.address).toBe('0.0.0.0');
      expect((await send(everywhere, '/')).status).toBe(200);
      expect((await send(everywhere, '/', { host: 'attacker.example' })).status).toBe(403);
      expect((await send(everywhere, '/', { host: `attacker.example:${everywhere.address.port}` })).status).toBe(403);
      // Another machine addresses it by one of this machine's IP addresses.
      expect((await send(everywhere, '/', { host: `192.0.2.7:${everywhere.address.port}` })).status).toBe(200);
      expect((await send(everywhere, '/', { host: `[2001:db8::7]:${everywhere.address.port}` })).status).toBe(200);
    } finally {
      await everywhere.close();
    }
    // Bound to loopback only, an outside address is refused.
    expect((await send(server, '/', { host: `192.0.2.7:${server.address.port}` })).status).toBe(403);
  });

  it('serves the page, its assets and the scenario, with a policy that keeps the page offline', async () => {
    const page = await send(server, '/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<script type="module" src="/assets/app.js">');
    expect(page.headers['content-security-policy']).toContain("default-src 'self'");
    expect((await send(server, '/assets/app.js')).status).toBe(200);
    expect((await send(server, '/assets/app.css')).status).toBe(200);
    const session = JSON.parse((await send(server, '/api/session')).body);
    expect(session.model.title).toBe(scenario.model.title);
    expect(session.trace).toBeNull();
  });

  it('refuses requests whose Host is not this machine', async () => {
    const port = server.address.port;
    expect((await send(server, '/', { host: 'evil.example' })).status).toBe(403);
    expect((await send(server, '/api/session', { host: `evil.example:${port}` })).status).toBe(403);
    expect((await send(server, '/', { host: '127.0.0.1' })).status).toBe(403);
    expect((await send(server, '/', { host: `127.0.0.1:${port + 1}` })).status).toBe(403);
    expect((await send(server, '/', { host: `localhost:${port}` })).status).toBe(200);
    expect((await send(server, '/', { host: `[::1]:${port}` })).status).toBe(200);
  });

  it('serves nothing but its own assets: path traversal finds nothing', async () => {
    for (const path of [
      '/assets/../package.json',
      '/assets/..%2f..%2fpackage.json',
      '/assets/%2e%2e/%2e%2e/package.json',
      '/../../etc/passwd',
      '/scenarios/article.yaml',
      '/assets/app.js.map',
      '/dist/cli/main.js',
    ]) {
      const response = await send(server, path);
      expect(response.status, path).toBe(404);
      expect(response.body, path).not.toContain('"name": "parley"');
    }
  });

  it('refuses an oversized request and has no position endpoint without --stately', async () => {
    const big = JSON.stringify({ moves: Array(20_000).fill('architecture-established') });
    expect((await send(server, '/api/position', { method: 'POST', body: big })).status).toBe(413);
    expect((await send(server, '/api/position', { method: 'POST', body: '{"moves":[]}' })).status).toBe(404);
  });
});

describe('streaming to Stately’s inspector (offline, through a capturing adapter)', () => {
  it('registers every party’s actor, then sends each position as events and snapshots', async () => {
    const sent: StatelyInspectionEvent[] = [];
    const inspector = createInspector({ send: (event) => void sent.push(event) });
    const stately = await startInspectorServer({ scenario, stately: inspector });
    try {
      expect(sent.filter((e) => e.type === '@xstate.actor').map((e) => e.sessionId)).toEqual([
        'ukraine',
        'russia',
        'united-states',
        'europe',
        'turkey',
      ]);
      const actor = sent.find((e) => e.type === '@xstate.actor') as { definition?: string; name: string };
      expect(actor.name).toBe('ukraine');
      expect(JSON.parse(actor.definition ?? '{}')).toMatchObject({ id: 'ukraine', initial: 'ceasefire-first' });
      const moves = [...scenario.timeline, 'architecture-established'];
      expect((await send(stately, '/api/position', { method: 'POST', body: JSON.stringify({ moves }) })).status).toBe(
        204,
      );
      const ukraine = sent.filter((e) => e.sessionId === 'ukraine');
      expect(ukraine.at(-2)).toMatchObject({ type: '@xstate.event', event: { type: 'architecture-established' } });
      expect(ukraine.at(-1)).toMatchObject({
        type: '@xstate.snapshot',
        snapshot: { value: 'seeking-trilateral-meeting' },
      });
      expect(
        (await send(stately, '/api/position', { method: 'POST', body: '{"moves":["trilateral-held"]}' })).status,
      ).toBe(400);
      expect((await send(stately, '/api/position', { method: 'POST', body: 'not json' })).status).toBe(400);
      const negative = JSON.stringify({ moves, base: -1 });
      expect((await send(stately, '/api/position', { method: 'POST', body: negative })).status).toBe(400);
    } finally {
      await stately.close();
    }
  });

  it('shows a branch that keeps a trace’s limit on events, and refuses it without the limit', async () => {
    const sent: StatelyInspectionEvent[] = [];
    const deadline = loadScenario(DEADLINE);
    const stately = await startInspectorServer({
      scenario: deadline,
      stately: createInspector({ send: (e) => void sent.push(e) }),
    });
    try {
      const moves = ['start', 'offer', '+1 day', '+1 day'];
      const limited = JSON.stringify({ moves, base: 1, maxEvents: 1 });
      expect((await send(stately, '/api/position', { method: 'POST', body: limited })).status).toBe(204);
      const open = JSON.stringify({ moves, base: 1 });
      expect((await send(stately, '/api/position', { method: 'POST', body: open })).status).toBe(400);
    } finally {
      await stately.close();
    }
  });
});

/** True when a response carries every security header and a cache policy. */
function expectPolicy(response: { headers: Record<string, unknown> }, what: string, cache = DEFAULT_CACHE_CONTROL) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    expect(response.headers[name], `${what}: ${name}`).toBe(value);
  expect(response.headers['cache-control'], `${what}: cache-control`).toBe(cache);
}

describe('every response, refusals included, carries the security headers and a cache policy', () => {
  it('the page, the session, the assets, and 403, 404, 413 and 400 alike', async () => {
    const port = server.address.port;
    const big = JSON.stringify({ moves: Array(20_000).fill('architecture-established') });
    const cases: [string, Parameters<typeof send>[2], number][] = [
      ['/', {}, 200],
      ['/api/session', {}, 200],
      ['/', { host: `evil.example:${port}` }, 403],
      ['/', { method: 'POST', headers: { origin: 'https://evil.example' } }, 403],
      ['/no-such-page', {}, 404],
      ['/api/position', { method: 'POST', body: '{"moves":[]}' }, 404],
      ['/api/position', { method: 'POST', body: big }, 413],
    ];
    for (const [path, options, status] of cases) {
      const response = await send(server, path, options);
      expect(response.status, path).toBe(status);
      expectPolicy(response, `${status} ${path}`);
    }
    // The bundled assets may be kept, but are asked about again (a rebuilt parley serves new ones).
    expectPolicy(await send(server, '/assets/app.js'), 'app.js', 'no-cache');
  });
});

describe('--host', () => {
  it('takes an address or a host name, and refuses anything else, the empty host first', () => {
    for (const host of ['127.0.0.1', '::1', '0.0.0.0', '::', 'localhost', 'my-laptop.local', 'example.com.'])
      expect(parseListenHost(host), host).toEqual({ host });
    expect(parseListenHost('[::1]')).toEqual({ host: '::1' });
    for (const host of ['', ' ', '127.0.0.1 ', 'a b', 'http://x', 'x:80', '-x', 'x_y', '[x]', 'a'.repeat(64), '..'])
      expect(parseListenHost(host), JSON.stringify(host)).toEqual({
        error: `expected an IP address (127.0.0.1, ::1, 0.0.0.0 for every interface) or a host name, got ${JSON.stringify(host)}`,
      });
  });

  it('the server itself refuses a host that is not one, rather than binding every interface', async () => {
    await expect(startInspectorServer({ scenario, host: '' })).rejects.toThrow('parley: inspector host: expected');
  });

  it('beyond loopback, a warning names who can reach the page; on loopback, none', () => {
    for (const address of ['127.0.0.1', '127.8.9.10', '::1', '::ffff:127.0.0.1', '0:0:0:0:0:0:0:1'])
      expect(isLoopbackAddress(address), address).toBe(true);
    for (const address of ['0.0.0.0', '::', '192.168.1.5', '10.0.0.1', '::ffff:10.0.0.1', 'fe80::1'])
      expect(isLoopbackAddress(address), address).toBe(false);
    expect(describeExposure({ address: '127.0.0.1', family: 'IPv4', port: 4000 }, true)).toBeUndefined();
    expect(describeExposure({ address: '0.0.0.0', family: 'IPv4', port: 4000 }, false)).toBe(
      'warning: listening on every network interface (0.0.0.0), not only this machine: any machine that can reach this one on port 4000: the networks it is on, and beyond them wherever a router forwards the port can open the inspector and read the scenario; use --host 127.0.0.1 (the default) to keep it to this machine',
    );
    expect(describeExposure({ address: '192.168.1.5', family: 'IPv4', port: 4000 }, true)).toBe(
      "warning: listening on 192.168.1.5, an address other machines can use, not only this machine: any machine that can reach 192.168.1.5 on port 4000 can open the inspector and read the scenario, and move the parties' actors streamed to Stately; use --host 127.0.0.1 (the default) to keep it to this machine",
    );
  });
});

describe('state-changing requests come only from the page itself', () => {
  it('refuses a cross-origin POST (403), takes the page’s own and a client’s without an Origin', async () => {
    const stately = await startInspectorServer({ scenario, stately: createInspector({ send: () => undefined }) });
    try {
      const own = `http://127.0.0.1:${stately.address.port}`;
      const body = JSON.stringify({ moves: scenario.timeline });
      const post = (headers: Record<string, string>) =>
        send(stately, '/api/position', { method: 'POST', body, headers });
      const crossOrigin: Record<string, string>[] = [
        { origin: 'https://evil.example' },
        { origin: 'null' },
        { origin: `http://127.0.0.1:${stately.address.port + 1}` },
        { origin: `https://127.0.0.1:${stately.address.port}` },
        { origin: `http://localhost:${stately.address.port}` },
        { 'sec-fetch-site': 'cross-site' },
        { 'sec-fetch-site': 'same-site', origin: own },
      ];
      for (const headers of crossOrigin) {
        const refused = await post(headers);
        expect(refused.status, JSON.stringify(headers)).toBe(403);
        expect(refused.body).toBe('forbidden: only the inspector page itself may change what it shows');
        expectPolicy(refused, JSON.stringify(headers));
      }
      expect((await post({ origin: own, 'sec-fetch-site': 'same-origin' })).status).toBe(204);
      expect((await post({ origin: own.toUpperCase() })).status).toBe(204);
      expect((await post({})).status).toBe(204);
      // Reading stays open to any origin's navigation: the page itself is a GET.
      expect((await send(stately, '/', { headers: { origin: 'https://evil.example' } })).status).toBe(200);
    } finally {
      await stately.close();
    }
  });

  it('answers bad moves with 400, never 500, and writes nothing to stderr', async () => {
    const stately = await startInspectorServer({ scenario, stately: createInspector({ send: () => undefined }) });
    const errors: unknown[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args);
    try {
      const timeline = scenario.timeline;
      for (const body of [
        { moves: ['no-such-move'] },
        { moves: ['__proto__'] },
        { moves: ['constructor', 'toString'] },
        { moves: ['+1 day'] },
        { moves: ['+1 day'], base: 1 },
        { moves: [...timeline].reverse() },
        { moves: [...timeline, 'no-such-move'] },
        { moves: [...timeline, '+1 day'], base: 10_000 },
        { moves: [...timeline], base: '1' },
        { moves: [...timeline], maxEvents: 1e300 },
        { moves: [1, 2] },
        { moves: null },
        [],
        null,
      ]) {
        const response = await send(stately, '/api/position', { method: 'POST', body: JSON.stringify(body) });
        expect(response.status, JSON.stringify(body)).toBe(400);
        expectPolicy(response, JSON.stringify(body));
      }
      for (const path of ['/assets/%', '/%zz', '/assets/%E0%A4%A', '/api/session?x=%'])
        expect((await send(stately, path)).status, path).not.toBe(500);
      expect(errors).toEqual([]);
    } finally {
      console.error = original;
      await stately.close();
    }
  });
});
