// Every temporary directory a test file makes, and those of the processes it starts, goes under the run's own (global-setup.ts), which
// is removed when the run ends: the suite left a dozen pd-* directories in the system's temporary folder per run.
import { inject } from "vitest";

process.env.TMPDIR = inject("tempDir");
