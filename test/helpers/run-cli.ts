import { runCli } from '../../src/cli/program.js';

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the parley CLI in-process, as a user would type it, capturing both streams. */
export async function runParley(
  args: string[],
  options: { tty?: boolean; env?: Record<string, string>; columns?: number } = {},
): Promise<CliResult> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(args, {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    stdoutIsTTY: options.tty ?? false,
    stderrIsTTY: false,
    env: options.env ?? {},
    columns: options.columns,
  });
  return { code, stdout, stderr };
}
