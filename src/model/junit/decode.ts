/** Turns the raw input into the text the scanner and parser see (size limit, BOM, encoding, line ends). */
import type { JUnitProblem } from './types.ts';
import { positionAt } from './text.ts';

export type Decoded = { ok: true; text: string } | { ok: false; problem: JUnitProblem };

const MiB = 1024 * 1024;

/** The refusal for an input of `size` bytes, shared with the CLI (which checks before reading). */
export function sizeProblem(size: number, maxBytes: number): JUnitProblem | undefined {
  if (size <= maxBytes) return undefined;
  const limit = maxBytes % MiB === 0 ? `${maxBytes / MiB} MB` : `${maxBytes} bytes`;
  return { message: `larger than ${limit}, the limit for a JUnit report` };
}

function fail(message: string): Decoded {
  return { ok: false, problem: { message } };
}

/** Encoding from a byte order mark, or from the zero-byte pattern of an unmarked "<?" in UTF-16. */
function sniffEncoding(bytes: Uint8Array): { encoding: string; skip: number } | undefined {
  const [b0, b1, b2] = bytes;
  if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (b0 === 0xff && b1 === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (b0 === 0xfe && b1 === 0xff) return { encoding: 'utf-16be', skip: 2 };
  if (b0 === 0x3c && b1 === 0x00) return { encoding: 'utf-16le', skip: 0 };
  if (b0 === 0x00 && b1 === 0x3c) return { encoding: 'utf-16be', skip: 0 };
  return undefined;
}

function declaredEncoding(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 256));
  return /^<\?xml\s[^>]*?encoding\s*=\s*(["'])([^"'>]*)\1/.exec(head)?.[2];
}

function decodeBytes(bytes: Uint8Array): Decoded {
  const sniffed = sniffEncoding(bytes);
  let encoding = sniffed?.encoding ?? 'utf-8';
  if (!sniffed) {
    const label = declaredEncoding(bytes);
    if (label !== undefined) {
      try {
        encoding = new TextDecoder(label).encoding;
      } catch {
        return fail(`unsupported encoding "${label}" in the XML declaration`);
      }
      if (encoding.startsWith('utf-16')) return fail(`declares encoding "${label}" but has no UTF-16 byte order mark`);
    }
  }
  const body = bytes.subarray(sniffed?.skip ?? 0);
  try {
    return { ok: true, text: new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(body) };
  } catch {
    // Point at the first undecodable byte so the tester can find it.
    const lossy = new TextDecoder(encoding, { ignoreBOM: true }).decode(body);
    const at = lossy.indexOf('\uFFFD');
    const where = at === -1 ? {} : positionAt(lossy, at);
    return { ok: false, problem: { message: `not valid ${encoding.toUpperCase()} text`, ...where } };
  }
}

/** Byte size of the input, computed exactly only when it could matter for the limit. */
function sizeOf(input: string | Uint8Array, maxBytes: number): number {
  if (typeof input !== 'string') return input.byteLength;
  return input.length * 3 > maxBytes ? Buffer.byteLength(input) : input.length;
}

export function decodeInput(input: string | Uint8Array, maxBytes: number): Decoded {
  const tooLarge = sizeProblem(sizeOf(input, maxBytes), maxBytes);
  if (tooLarge) return { ok: false, problem: tooLarge };
  let text: string;
  if (typeof input === 'string') {
    text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  } else {
    const decoded = decodeBytes(input);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  }
  if (text.length === 0) return fail('file is empty');
  if (/^\s*$/.test(text)) return fail('file is empty (only whitespace)');
  // XML end-of-line handling; also keeps parser indices and our line numbers in step.
  return { ok: true, text: text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text };
}
