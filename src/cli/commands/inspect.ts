import { InvalidArgumentError, type Command } from 'commander';
import { MAX_SCENARIO_BYTES } from '../../model/load.js';
import { readTextFile } from '../../scenario/read-text-file.js';
import { createSkyInspector, createWebSocketInspector } from '@statelyai/inspect';
import open from 'open';
import { toScenario } from '../../api/scenario.js';
import { startInspectorServer } from '../../inspector/server.js';
import { DEFAULT_LISTEN_HOST, describeExposure, parseListenHost } from '../../inspector/listen-host.js';
import type { StatelyInspector } from '../../inspector/stately-bridge.js';
import { getTraceSession } from '../../inspector/trace-session.js';
import { renderDiagnostics } from '../../report/render-diagnostics.js';
import { EXIT, getColors, type CliIo } from '../io.js';
import { loadForCommand } from '../load-for-command.js';
import { integerBetween } from '../options.js';

interface InspectOptions {
  readonly trace?: string;
  readonly host: string;
  readonly port: number;
  readonly open: boolean;
  readonly stately?: string | true;
}

/** `parley inspect FILE`: the offline inspector page, served locally. */
export function addInspectCommand(program: Command, io: CliIo, setExit: (code: number) => void): void {
  program
    .command('inspect')
    .description(
      "Serve the inspector, a page that works with no internet: every party's statechart with its active stance lit, the timeline with its quotes, stepping forward and back (buttons or the arrow keys), what-if branches, and what can still happen from each point. Runs until interrupted (Ctrl-C).",
    )
    .argument('<file>', 'scenario file (YAML)')
    .option('--trace <trace>', 'open at the end of this trace (from `parley explore --save-traces`)')
    .option(
      '--host <host>',
      'address to listen on; anything but loopback lets other machines connect (and parley warns)',
      listenHost,
      DEFAULT_LISTEN_HOST,
    )
    .option('--port <port>', 'port to listen on; 0 takes any free port', integerBetween(0, 65535), 0)
    .option('--no-open', 'do not open a browser; just print the address')
    .option(
      '--stately [url]',
      "also stream the parties' actors to Stately's hosted inspector (through @statelyai/inspect; needs the internet), or to the WebSocket inspector at url",
    )
    .addHelpText(
      'after',
      '\nExamples:\n  parley inspect scenarios/article.yaml\n  parley inspect scenarios/article.yaml --trace traces/trilateral-summit.trace.json --no-open',
    )
    .action(async (file: string, options: InspectOptions) => {
      const { checked } = loadForCommand(file, io);
      if (!checked.model) return setExit(EXIT.badInput);
      const scenario = toScenario(checked);
      let trace;
      if (options.trace !== undefined) {
        const read = readTextFile(options.trace, MAX_SCENARIO_BYTES);
        if ('error' in read) {
          io.stderr(`${options.trace}: error: cannot read the trace: ${read.error} [file-unreadable]\n`);
          return setExit(EXIT.badInput);
        }
        const text = read.text;
        const session = getTraceSession(scenario.model, text);
        if (!('trace' in session)) {
          io.stderr(
            renderDiagnostics(
              { file: options.trace, text, lineCounter: session.lineCounter },
              session.diagnostics,
              getColors({ ...io, stdoutIsTTY: false }),
            ),
          );
          return setExit(EXIT.badInput);
        }
        trace = session.trace;
      }
      const stately = options.stately === undefined ? undefined : createStately(options.stately, io);
      let server;
      try {
        server = await startInspectorServer({
          scenario,
          host: options.host,
          port: options.port,
          ...(trace && { trace }),
          ...(stately && { stately }),
        });
      } catch (cause) {
        io.stderr(`error: cannot listen on ${options.host} port ${options.port}: ${describeListenError(cause)}\n`);
        return setExit(EXIT.badInput);
      }
      const exposure = describeExposure(server.address, stately !== undefined);
      if (exposure) io.stderr(`${exposure}\n`);
      io.stdout(`parley inspector for ${file}: ${server.url}\n(press Ctrl-C to stop)\n`);
      if (options.open) {
        open(server.url).catch(() => io.stderr(`could not open a browser; open ${server.url} yourself\n`));
      }
      await new Promise<void>((resolve) => process.once('SIGINT', resolve));
      await server.close();
      // @statelyai/inspect retries its connection on timers of its own, which would keep the
      // process alive after Ctrl-C: it ends here.
      if (stately) process.exit(0);
    });
}

/** Parses `--host`: an address or a host name, never empty (Node would bind every interface). */
function listenHost(value: string): string {
  const parsed = parseListenHost(value);
  if ('error' in parsed) throw new InvalidArgumentError(parsed.error);
  return parsed.host;
}

/** Why the server could not listen, in words. */
function describeListenError(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE') return 'the port is in use (choose another with --port, or 0 for any free port)';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied (ports below 1024 need privileges)';
  if (code === 'EADDRNOTAVAIL')
    return "the address is not one of this machine's (expected 127.0.0.1, ::1 or an address of this machine)";
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'no such host';
  return code ?? String(cause);
}

/**
 * The inspector that `--stately` streams to: Stately's hosted one (its connection errors, repeated
 * while it retries offline, become one line), or a WebSocket inspector at `url`, which keeps the
 * events until it accepts a connection.
 */
function createStately(url: string | true, io: CliIo): StatelyInspector {
  if (url !== true) {
    io.stderr(
      `streaming the parties' actors to the WebSocket inspector at ${url} (kept until it accepts a connection)\n`,
    );
    return createWebSocketInspector({ url });
  }
  let told = false;
  return createSkyInspector({
    onerror: () => {
      if (told) return;
      told = true;
      io.stderr(
        "cannot reach Stately's hosted inspector (is this machine offline?); parley's own inspector works without it\n",
      );
    },
  });
}
