// Certificates for the twin's HTTPS endpoint.
export { createPki, type Pki, type PkiOptions } from './pki.ts';
