/**
 * A fast 64-bit checksum for telling whether bytes changed (the snapshot's key and its payload
 * check): two MurmurHash3-style lanes over 32-bit words, written in JavaScript. It is not a
 * cryptographic hash and must never guard against someone forging input. It replaces SHA-256
 * there because loading `node:crypto` alone took about 15 ms of every `hotline ask`, more than
 * the command's whole answer, while nothing in the snapshot needs a cryptographic guarantee.
 */

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

/** `k` mixed into the lane `h`: MurmurHash3's body step. */
function mix(h: number, k: number): number {
  let m = Math.imul(k, C1);
  m = (m << 15) | (m >>> 17);
  m = Math.imul(m, C2);
  let out = h ^ m;
  out = (out << 13) | (out >>> 19);
  return (Math.imul(out, 5) + 0xe6546b64) | 0;
}

/** MurmurHash3's finaliser: every input bit reaches every output bit. */
function finish(h: number, length: number): number {
  let f = h ^ length;
  f = Math.imul(f ^ (f >>> 16), 0x85ebca6b);
  f = Math.imul(f ^ (f >>> 13), 0xc2b2ae35);
  return (f ^ (f >>> 16)) >>> 0;
}

/**
 * A running checksum: `update` with strings (as UTF-8) or bytes, then `digest` for 16 hex
 * digits. Each `update` is hashed as its own piece (bytes left over at its end are padded), so
 * callers that join pieces put a separator between them, as they would for any hash.
 */
export class Checksum {
  private a = 0x9747b28c;
  private b = 0x5bd1e995;
  private length = 0;

  update(data: string | Uint8Array): this {
    const bytes = typeof data === "string" ? Buffer.from(data, "utf8") : data;
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const whole = bytes.byteLength & ~3;
    let { a, b } = this;
    for (let i = 0; i < whole; i += 4) {
      const word = view.getUint32(i, true);
      a = mix(a, word);
      // The second lane reads each word rotated, so the lanes never agree by construction.
      b = mix(b, (word << 16) | (word >>> 16));
    }
    let tail = 0;
    for (let i = whole; i < bytes.byteLength; i++) tail |= (bytes[i] ?? 0) << (8 * (i - whole));
    if (whole !== bytes.byteLength) {
      a = mix(a, tail);
      b = mix(b, ~tail);
    }
    this.a = a;
    this.b = b;
    this.length += bytes.byteLength;
    return this;
  }

  /** The checksum of everything given so far, as 16 lower-case hex digits. */
  digest(): string {
    const hex = (n: number) => n.toString(16).padStart(8, "0");
    return hex(finish(this.a, this.length)) + hex(finish(this.b ^ 0x27d4eb2f, this.length));
  }
}

/** The {@link Checksum} of one piece of data. */
export function checksum(data: string | Uint8Array): string {
  return new Checksum().update(data).digest();
}
