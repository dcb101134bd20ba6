// Runs a CLI's main function, turns any failure into one clear line and a non-zero exit, and never exits before its output is out.
import { parseArgs, type ParseArgsConfig } from "node:util";
import { AppError } from "../../src/server/errors/app-error";
import { describeError } from "../../src/server/errors/describe-error";

export function runCli(main: () => Promise<void>): void {
  process.stdout.on("error", outputFailed);
  process.stderr.on("error", outputFailed);
  main().then(exitWhenFlushed, (err: unknown) => {
    console.error(`Error: ${describeError(err)}`);
    process.exitCode = 1;
    return exitWhenFlushed();
  });
}

/**
 * Exits once stdout and stderr have handed everything to the OS. Into a pipe Node writes asynchronously, so a bare
 * process.exit() drops whatever the reader has not taken yet (everything past 64 KB with `| jq`). Exiting explicitly
 * still matters: an open database pool or timer would keep the process alive.
 */
async function exitWhenFlushed(): Promise<never> {
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(process.exitCode ?? 0);
}

/** Writes are queued in order, so an empty write's callback runs once everything before it is out (or the stream has failed). */
function flushed(stream: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => stream.write("", () => resolve()));
}

/** A reader that stops early (`| head`) does not want the rest: that is not the CLI's failure. Any other write error is. */
function outputFailed(this: NodeJS.WriteStream, err: NodeJS.ErrnoException): void {
  if (err.code === "EPIPE") return;
  process.exitCode = process.exitCode || 1;
  if (this !== process.stderr) console.error(`Error: cannot write the output: ${err.message}`);
}

/**
 * The command line's options, or null after printing `usage` for `--help` / `-h` (to stdout, exit 0, as a newcomer expects). An
 * unknown option or a missing value is an error that shows the usage too.
 */
export function parseCliArgs<const T extends NonNullable<ParseArgsConfig["options"]>>(usage: string, options: T) {
  const args = process.argv.slice(2);
  const end = args.indexOf("--");
  if ((end === -1 ? args : args.slice(0, end)).some((arg) => arg === "--help" || arg === "-h")) {
    console.log(`Usage: ${usage}`);
    return null;
  }
  try {
    return parseArgs({ args, options }).values;
  } catch (err) {
    if (err instanceof TypeError && "code" in err && String(err.code).startsWith("ERR_PARSE_ARGS_")) {
      throw new AppError("INVALID_INPUT", `${err.message}\nUsage: ${usage}`, { cause: err });
    }
    throw err;
  }
}
