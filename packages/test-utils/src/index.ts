export { bundledSpec, type SpecValidator, specValidator } from './spec.ts';
export {
  type RequestVector,
  type ResultJsonVector,
  requestVectors,
  resultJsonVectors,
  type StatusVector,
  statusVectors,
} from './vectors.ts';
