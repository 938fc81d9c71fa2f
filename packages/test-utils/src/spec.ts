import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

/** The bundled spec that `pnpm generate` writes into @wan25/spec. */
export const bundledSpec: Record<string, unknown> = JSON.parse(
  readFileSync(new URL('../../spec/dist/openapi.json', import.meta.url), 'utf8'),
);

// Both are CommonJS modules whose `default` export is the module itself.
const ajv = new Ajv2020.default({ strict: false, allErrors: true });
addFormats.default(ajv);
ajv.addSchema(bundledSpec, 'spec');

export type SpecValidator = ((data: unknown) => boolean) & { errors?: unknown };

/** A JSON Schema 2020-12 validator for a place in the bundled spec, e.g. `#/components/schemas/Task`. */
export function specValidator(pointer: string): SpecValidator {
  const validate = ajv.getSchema(
    `spec${pointer.startsWith('#') ? pointer : `#/components/schemas/${pointer}`}`,
  );
  if (!validate) throw new Error(`the bundled spec has nothing at ${pointer}`);
  return validate;
}
