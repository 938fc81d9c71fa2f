// The spec as quicktype reads it: its component schemas as one JSON Schema document.
import { bodies, type Json, schemaName } from './openapi.ts';

/** The spec's component schemas as one JSON Schema document, with each `$ref` rewritten to point into it. */
export function componentSchemasDocument(spec: Json): string {
  const schemas = JSON.stringify((spec.components as Json).schemas);
  return JSON.stringify({
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    definitions: JSON.parse(schemas.replaceAll('"#/components/schemas/', '"#/definitions/')),
  });
}

/**
 * The schemas a client reads and writes: every request and response body, and the `ResultPayload` that a
 * succeeded task's `resultJson` string holds. Given to quicktype as its top-level types, they get
 * (de)serializers, and the schemas they use become plain types; making every component schema top-level
 * instead gives the string and integer aliases (`Prompt`, `CreateTime`, ...) converters of their own,
 * which collide in C#.
 */
export function clientSchemaNames(spec: Json): string[] {
  const names = [...bodies(spec)].map(({ mediaType }) => schemaName(mediaType.schema));
  return [...new Set([...names, 'ResultPayload'])].filter((name): name is string => name !== undefined);
}
