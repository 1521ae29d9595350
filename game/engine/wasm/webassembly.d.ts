/**
 * The few WebAssembly JS-API types the runner uses. game/tsconfig.json has lib ES2022 only (no
 * DOM), so the `WebAssembly` global has no types there; the root tsconfig has them from the DOM
 * lib. To avoid clashing with those declarations, these are plain exported types (not a global
 * declaration): wasmRunner.ts reads `globalThis.WebAssembly` through them after checking
 * `typeof WebAssembly === 'object'` at runtime.
 */

export interface WasmMemory {
  readonly buffer: ArrayBuffer;
  /** Grow by `pages` 64 KiB pages; returns the old size in pages; throws when it cannot. */
  grow(pages: number): number;
}

export type WasmModule = object;

export interface WasmInstance {
  readonly exports: Record<string, unknown>;
}

export interface WasmApi {
  readonly Module: new (bytes: Uint8Array) => WasmModule;
  readonly Instance: new (module: WasmModule, imports?: Record<string, Record<string, unknown>>) => WasmInstance;
}
