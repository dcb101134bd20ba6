// Types of bundle-script.mjs, which is plain JavaScript so that scripts/run.mjs runs without a TypeScript loader.
export declare function bundle(root: string, source: string, output: string): Promise<string[]>;
export declare function bundledScript(root: string, name: string): Promise<string>;
export declare function stopBundler(): Promise<void>;
export declare function replaceFile(file: string, data: string | Uint8Array): void;
