interface RuntimeGlobals {
  process?: { env?: Record<string, string | undefined> };
  Deno?: { env?: { get(name: string): string | undefined } };
}

/** An environment variable where the runtime has them (Node, Bun, Deno); undefined in browsers. */
export function readEnv(name: string): string | undefined {
  const runtime = globalThis as RuntimeGlobals;
  try {
    return runtime.process?.env?.[name] ?? runtime.Deno?.env?.get(name);
  } catch {
    // Deno without --allow-env throws.
    return undefined;
  }
}
