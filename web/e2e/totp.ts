/** RFC 6238 TOTP (HMAC-SHA1, 30-second steps, 6 digits), enough to play the user's authenticator app. */
import { createHmac } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=-]/g, '').toUpperCase();
  let bits = 0;
  let value = 0;
  const out: number[] = [];
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error(`not base32: ${char}`);
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

export function timeStep(nowMs = Date.now(), period = 30): number {
  return Math.floor(nowMs / 1000 / period);
}

export function hotp(key: Buffer, counter: number, digits = 6): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', key).update(message).digest();
  const offset = (mac[mac.length - 1] ?? 0) & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totp(secretBase32: string, step = timeStep()): string {
  return hotp(base32Decode(secretBase32), step);
}

/** Waits until the 30-second window after `usedStep` begins, so a code is never replayed. */
export async function waitForNextStep(usedStep: number): Promise<number> {
  while (timeStep() <= usedStep) {
    const msLeft = (usedStep + 1) * 30_000 - Date.now();
    await new Promise((resolve) => setTimeout(resolve, Math.max(50, Math.min(msLeft + 50, 1000))));
  }
  return timeStep();
}
