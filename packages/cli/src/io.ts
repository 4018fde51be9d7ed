/** What a command may touch of the process: output streams, whether they are terminals, the environment. */
export interface Io {
  stdout(text: string): void;
  stderr(text: string): void;
  stdoutIsTTY: boolean;
  stderrIsTTY: boolean;
  env: Readonly<Record<string, string | undefined>>;
}

/** The real process. A closed pipe (`jixiao check … | head`) ends output quietly. */
export function processIo(): Io {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
    });
  }
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: process.stdout.isTTY === true,
    stderrIsTTY: process.stderr.isTTY === true,
    env: process.env,
  };
}

/** Whether to color a stream: only a terminal, and never when NO_COLOR is set to anything non-empty. */
export function useColor(isTTY: boolean, env: Io['env']): boolean {
  return isTTY && !env.NO_COLOR;
}
