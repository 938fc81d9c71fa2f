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
}

export const requestVectors: RequestVector[] = read('requests.json').cases;
const responses = read('responses.json');
export const statusVectors: StatusVector[] = responses.statusResponses;
export const resultJsonVectors: ResultJsonVector[] = responses.resultJson;
