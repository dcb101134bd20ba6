// Loads Prisma's WASM schema engine: the only migration engine that works without downloading a native binary.
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";

type WasmModule = typeof import("@prisma/schema-engine-wasm");
export type SchemaEngine = Awaited<ReturnType<WasmModule["SchemaEngine"]["new"]>>;

const require = createRequire(import.meta.url);
let loaded: Promise<WasmModule> | undefined;

async function loadWasm(): Promise<WasmModule> {
  const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const pkgDir = path.dirname(bgPath);
  const bg = (await import(pathToFileURL(bgPath).href)) as WasmModule & {
    __wbg_set_wasm: (exports: WebAssembly.Exports) => void;
  };
  const bytes = await readFile(path.join(pkgDir, "schema_engine_bg.wasm"));
  const { instance } = await WebAssembly.instantiate(bytes, {
    "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports,
  });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  return bg;
}

/**
 * The engine and `close`, which frees it and ends its connections. Freeing the engine alone left its pool open, and with it the session
 * holding the engine's advisory lock: until the pool's 10 s idle timeout, any other migration (another instance starting, the next
 * `applyMigrations` here) waited for that lock and then failed with "timed out".
 */
export async function openSchemaEngine(opts: {
  connectionString: string;
  datamodels: [string, string][];
  log?: (line: string) => void;
}): Promise<{ engine: SchemaEngine; close: () => Promise<void> }> {
  loaded ??= loadWasm();
  const wasm = await loaded;
  const factory = new PrismaPg({ connectionString: opts.connectionString });
  const opened: { dispose: () => Promise<void> }[] = [];
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    opened.push(adapter);
    return adapter;
  };
  const dispose = () => Promise.all(opened.map((adapter) => adapter.dispose())).then(() => undefined);
  let engine: SchemaEngine;
  try {
    engine = await wasm.SchemaEngine.new({ datamodels: opts.datamodels }, (line: string) => opts.log?.(line), bindMigrationAwareSqlAdapterFactory(factory));
  } catch (err) {
    await dispose();
    throw err;
  }
  return {
    engine,
    close: async () => {
      try {
        engine.free();
      } finally {
        await dispose();
      }
    },
  };
}
