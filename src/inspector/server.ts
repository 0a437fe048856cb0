import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { readFileSync } from 'node:fs';
import { isIP, type AddressInfo } from 'node:net';
import { DEFAULT_LISTEN_HOST, parseListenHost } from './listen-host.js';
import { DEFAULT_CACHE_CONTROL, isSameOriginOrReadOnly, SECURITY_HEADERS } from './response-policy.js';
import type { Scenario } from '../api/scenario.js';
import type { Move } from '../engine/move.js';
import { getBuiltFileUrl } from '../runtime/built-file.js';
import { PAGE_HTML } from './page-html.js';
import type { InspectorSession } from './page/session.js';
import { createStatelyBridge, type StatelyInspector } from './stately-bridge.js';

export interface InspectorServerOptions {
  readonly scenario: Scenario;
  /** The position a trace opens at (see `getTraceSession`). */
  readonly trace?: InspectorSession['trace'];
  /** Default 127.0.0.1: only this machine can connect. Must pass `parseListenHost` (throws otherwise). */
  readonly host?: string;
  /** Default 0: any free port. */
  readonly port?: number;
  /** Streams the page's moves to Stately's inspector through this `@statelyai/inspect` inspector. */
  readonly stately?: StatelyInspector;
}

export interface InspectorServer {
  readonly url: string;
  readonly address: AddressInfo;
  close(): Promise<void>;
}

/** The largest request body accepted (the page's position reports are far smaller). */
export const MAX_BODY_BYTES = 64 * 1024;

const LOCAL_NAMES = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Starts the inspector's server: the page, its three bundled assets (the page's script, its worker's, its styles), the scenario as JSON, and (with
 * Stately) the page's position reports. Nothing else is served: no file is looked up from a request
 * path. Requests whose Host is not this machine (DNS rebinding) are refused with 403, as are
 * state-changing requests from another origin (see `isSameOriginOrReadOnly`), bodies over 64 KiB
 * with 413, bad input with 400 or 404, never 500. Every response carries `SECURITY_HEADERS` and a
 * cache policy (`DEFAULT_CACHE_CONTROL` unless the route has its own).
 */
export async function startInspectorServer(options: InspectorServerOptions): Promise<InspectorServer> {
  const parsed = parseListenHost(options.host ?? DEFAULT_LISTEN_HOST);
  // The command line refuses such a host first; a caller passing one is parley's own bug.
  if ('error' in parsed) throw new Error(`parley: inspector host: ${parsed.error}`);
  const { host } = parsed;
  const assets = new Map([
    [
      'app.js',
      {
        body: readFileSync(getBuiltFileUrl(import.meta.url, './assets/app.js')),
        type: 'text/javascript; charset=utf-8',
      },
    ],
    [
      'worker.js',
      {
        body: readFileSync(getBuiltFileUrl(import.meta.url, './assets/worker.js')),
        type: 'text/javascript; charset=utf-8',
      },
    ],
    [
      'app.css',
      { body: readFileSync(getBuiltFileUrl(import.meta.url, './assets/app.css')), type: 'text/css; charset=utf-8' },
    ],
  ]);
  const session: InspectorSession = {
    file: options.scenario.file,
    model: options.scenario.model,
    trace: options.trace ?? null,
    stately: options.stately !== undefined,
  };
  const bridge = options.stately && createStatelyBridge(options.scenario.model, options.stately);
  const state = { port: 0 };
  const allowedNames = new Set([...LOCAL_NAMES, host.includes(':') ? `[${host}]` : host]);
  // Bound to every interface (an opt-in), the server answers requests addressed to any of this
  // machine's addresses: a Host that is an IP address. A name that is not local is still refused,
  // since only DNS rebinding would send one.
  const anyAddress = host === '0.0.0.0' || host === '::';

  const app = new Hono();
  // First, so that every response leaving the server carries the policy: the routes', the
  // refusals below (403, 404, 413, 400) and an internal error's alike.
  app.use('*', async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
    if (!c.res.headers.has('cache-control')) c.res.headers.set('cache-control', DEFAULT_CACHE_CONTROL);
  });
  app.use('*', async (c, next) => {
    if (!isAllowedHost(c.req.header('host'), allowedNames, state.port, anyAddress))
      return c.text('forbidden: this server answers only requests addressed to it on this machine', 403);
    const sameOrigin = isSameOriginOrReadOnly(c.req.method, {
      origin: c.req.header('origin'),
      host: c.req.header('host'),
      fetchSite: c.req.header('sec-fetch-site'),
    });
    if (!sameOrigin) return c.text('forbidden: only the inspector page itself may change what it shows', 403);
    await next();
  });
  // The rest of an oversized body is not read: the connection closes, so that no client reuses it.
  app.use(
    '*',
    bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.text('request too large', 413, { connection: 'close' }) }),
  );
  app.get('/', (c) => c.html(PAGE_HTML));
  app.get('/assets/:name', (c) => {
    const asset = assets.get(c.req.param('name'));
    return asset
      ? c.body(asset.body, 200, { 'content-type': asset.type, 'cache-control': 'no-cache' })
      : c.text('not found', 404);
  });
  app.get('/api/session', (c) => c.json(session));
  app.post('/api/position', async (c) => {
    if (!bridge) return c.text('not found', 404);
    const body = (await c.req.json().catch(() => undefined)) as
      { moves?: unknown; base?: unknown; maxEvents?: unknown } | undefined;
    const moves = body?.moves;
    const count = (value: unknown) => value === undefined || (Number.isSafeInteger(value) && (value as number) >= 0);
    if (
      !Array.isArray(moves) ||
      !moves.every((m) => typeof m === 'string') ||
      !count(body?.base) ||
      !count(body?.maxEvents)
    )
      return c.text('expected { "moves": [event ids or "+1 day"], "base"?: n, "maxEvents"?: n }', 400);
    const base = Math.min(moves.length, (body?.base as number | undefined) ?? moves.length);
    return bridge.show(moves as Move[], base, body?.maxEvents as number | undefined)
      ? c.body(null, 204)
      : c.text('these moves do not replay from the start', 400);
  });
  app.notFound((c) => c.text('not found', 404));
  // Bad input is answered above (400, 404, 413); reaching here is parley's bug, said in one line
  // on stderr, never with its stack to the client.
  app.onError((error, c) => {
    console.error(`parley inspector: internal error on ${c.req.method} ${c.req.path}: ${error.message}`);
    return c.text('internal error', 500);
  });

  // A port in use, a port the user may not bind or a host that is not this machine's: the
  // listening error rejects, for the caller to report.
  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, hostname: host, port: options.port ?? 0 }, () => resolve(s));
    s.once('error', reject);
  });
  const address = server.address() as AddressInfo;
  state.port = address.port;
  const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shown}:${address.port}/`,
    address,
    close: () => new Promise((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}

/**
 * True when the Host header names this machine (or the host the server was bound to, or, bound to
 * every interface, any IP address) and its port.
 */
function isAllowedHost(
  header: string | undefined,
  names: ReadonlySet<string>,
  port: number,
  anyAddress: boolean,
): boolean {
  if (!header) return false;
  const match = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(header.trim().toLowerCase());
  if (!match) return false;
  const name = match[1] as string;
  const known =
    names.has(name) || (anyAddress && (isIP(name) !== 0 || (name.startsWith('[') && isIP(name.slice(1, -1)) === 6)));
  return known && match[2] !== undefined && Number(match[2]) === port;
}
