import { generateKeyPairSync } from 'node:crypto';

// Throwaway key pairs so webhook signatures can be produced and checked in tests; the receiver must
// take its public keys from config, so these stand in for GHL's published ones.

export interface PemKeyPair {
  publicKeyPem: string;
  privateKeyPem: string;
}

export interface WebhookKeys {
  ed25519: PemKeyPair;
  rsa: PemKeyPair;
}

export function generateWebhookKeys(): WebhookKeys {
  const ed = generateKeyPairSync('ed25519', {
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  // 2048 bits keeps generation fast; GHL's real key is 4096 but the algorithm is the same.
  const rsa = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
  return {
    ed25519: { publicKeyPem: ed.publicKey, privateKeyPem: ed.privateKey },
    rsa: { publicKeyPem: rsa.publicKey, privateKeyPem: rsa.privateKey },
  };
}

export const testWebhookKeys: WebhookKeys = generateWebhookKeys();
