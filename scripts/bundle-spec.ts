// Bundles spec/openapi.yaml into packages/spec/dist/openapi.{json,yaml}: one self-contained document
// for Prism, Ajv and other-language generators.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse, stringify } from 'yaml';
import { bundledSpecDir, bundledSpecJson, root, specSource } from './lib/workspace.ts';

const spec: unknown = parse(readFileSync(specSource, 'utf8'));

const externalRefs: string[] = [];
(function collectExternalRefs(node: unknown, path: string): void {
  if (Array.isArray(node)) {
    for (const [i, item] of node.entries()) collectExternalRefs(item, `${path}/${i}`);
  } else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && !value.startsWith('#/')) {
        externalRefs.push(`${path}: ${value}`);
      }
      collectExternalRefs(value, `${path}/${key}`);
    }
  }
})(spec, '#');
if (externalRefs.length > 0) {
  console.error(`spec/openapi.yaml must be self-contained; external $refs:\n  ${externalRefs.join('\n  ')}`);
  process.exit(1);
}

mkdirSync(bundledSpecDir, { recursive: true });
writeFileSync(bundledSpecJson, `${JSON.stringify(spec, null, 2)}\n`);
writeFileSync(join(bundledSpecDir, 'openapi.yaml'), stringify(spec, { lineWidth: 0 }));
console.log(`wrote ${relative(root, bundledSpecDir)}/openapi.{json,yaml}`);
