// Runs a CLI's main function and turns any failure into one clear line and a non-zero exit.
import { describeError } from "../../src/server/errors/describe-error";

export function runCli(main: () => Promise<void>): void {
  main().then(
    () => process.exit(process.exitCode ?? 0),
    (err: unknown) => {
      console.error(`Error: ${describeError(err)}`);
      process.exit(1);
    },
  );
}
