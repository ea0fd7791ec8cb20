import { createPublicKey, type KeyObject, verify } from 'node:crypto';

export type SignatureCheck = 'valid' | 'invalid' | 'absent';

export interface WebhookKeys {
  ed25519: KeyObject;
  rsa: KeyObject;
}

export function loadWebhookKeys(ed25519Pem: string, rsaPem: string): WebhookKeys {
  return { ed25519: createPublicKey(ed25519Pem), rsa: createPublicKey(rsaPem) };
}

/**
 * Checks GHL's signature over the exact raw request bytes (never re-serialised JSON).
 * Like GHL's own SDK: when X-GHL-Signature (Ed25519) is present only it counts; otherwise the
 * deprecated X-WH-Signature (RSA PKCS#1 v1.5, SHA-256) is tried.
 */
export function checkGhlSignature(
  raw: Buffer,
  headers: Record<string, string | string[] | undefined>,
  keys: WebhookKeys,
): SignatureCheck {
  const ed = header(headers, 'x-ghl-signature');
  if (ed !== undefined) return safeVerify(null, raw, keys.ed25519, ed) ? 'valid' : 'invalid';
  const rsa = header(headers, 'x-wh-signature');
  if (rsa !== undefined) return safeVerify('sha256', raw, keys.rsa, rsa) ? 'valid' : 'invalid';
  return 'absent';
}

function safeVerify(alg: string | null, raw: Buffer, key: KeyObject, sigB64: string): boolean {
  try {
    return verify(alg, raw, key, Buffer.from(sigB64, 'base64'));
  } catch {
    return false;
  }
}

export function header(
  headers: Record<string, string | string[] | undefined>,
  name: string,
): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v[0] : v;
}
