// No 0/O, 1/l/I: the password may have to be read or typed once. 56 symbols, about 5.8 bits each.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';

/**
 * A random password from the platform's cryptographic source (`crypto.getRandomValues`): `length` characters
 * (default 32, about 186 bits) of letters and digits with at least one of each kind, safe in a connection URL.
 */
export function generatePassword(length = 32): string {
  if (!Number.isInteger(length) || length < 12 || length > 256) throw new RangeError('A generated password has 12 to 256 characters.');
  const crypto = globalThis.crypto;
  if (!crypto?.getRandomValues) throw new Error('No crypto.getRandomValues on this platform: pass a password explicitly.');
  // Bytes at or above this bound are dropped so every symbol is equally likely.
  const bound = 256 - (256 % ALPHABET.length);
  for (;;) {
    let out = '';
    while (out.length < length) {
      for (const byte of crypto.getRandomValues(new Uint8Array(length * 2))) {
        if (byte < bound && out.length < length) out += ALPHABET[byte % ALPHABET.length];
      }
    }
    if (/[A-Z]/.test(out) && /[a-z]/.test(out) && /\d/.test(out)) return out;
  }
}
