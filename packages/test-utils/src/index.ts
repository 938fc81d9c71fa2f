export {
  contractApiKey,
  contractBaseUrl,
  contractBaseUrlEnv,
  contractCallbackTls,
  contractTaskSeconds,
} from './contract.ts';
export {
  mediaTypeExamples,
  type NamedExample,
  type PlacedExample,
  requestExamples,
  responseExamples,
  schemaExamples,
  webhookExamples,
} from './examples.ts';
export {
  type Fault,
  type FaultServer,
  faults,
  type ReceivedRequest,
  startFaultServer,
} from './fault-server.ts';
export { freePort } from './free-port.ts';
export { bundledSpec, type SpecValidator, specValidator } from './spec.ts';
export { createLoopbackCertificate, type LoopbackCertificate } from './tls.ts';
export {
  type RequestVector,
  type ResultJsonVector,
  requestVectors,
  resultJsonVectors,
  type StatusVector,
  statusVectors,
} from './vectors.ts';
export {
  startWebhookReceiver,
  type WebhookDelivery,
  type WebhookReceiver,
  type WebhookReceiverOptions,
} from './webhook-receiver.ts';
