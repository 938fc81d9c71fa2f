import { readFileSync } from 'node:fs';

// Copied from the shared API vectors: the verdicts the spec, the zod schemas and the mock must give.
const read = (name: string) =>
  JSON.parse(readFileSync(new URL(`../vectors/${name}`, import.meta.url), 'utf8'));

export interface RequestVector {
  id: string;
  valid: boolean;
  why: string;
  body: unknown;
}
export interface StatusVector {
  id: string;
  valid: boolean;
  why: string;
  body: unknown;
}
export interface ResultJsonVector {
  id: string;
  valid: boolean;
  value: string;
  /** `value` parsed, for checking against ResultPayload; `json: false` when it is not JSON at all. */
  parsed: { json: true; payload: unknown } | { json: false };
}

function parseJson(text: string): ResultJsonVector['parsed'] {
  try {
    return { json: true, payload: JSON.parse(text) };
  } catch {
    return { json: false };
  }
}

export const requestVectors: RequestVector[] = read('requests.json').cases;
const responses = read('responses.json');
export const statusVectors: StatusVector[] = responses.statusResponses;
export const resultJsonVectors: ResultJsonVector[] = responses.resultJson.map(
  (vector: Omit<ResultJsonVector, 'parsed'>) => ({ ...vector, parsed: parseJson(vector.value) }),
);
