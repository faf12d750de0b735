// The shareable URL: the scenario text, deflated (CompressionStream 'deflate-raw') and base64url
// encoded, in the hash (`#s=...`), so sharing needs no server and the text never reaches one.

const PREFIX = 's=';

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  const CHUNK = 0x8000;
  for (let i = 0; i < bytes.length; i += CHUNK) bin += String.fromCharCode(...bytes.subarray(i, i + CHUNK));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) throw new Error('the link contains characters that are not base64url');
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat((4 - (text.length % 4)) % 4);
  const bin = atob(b64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const piped = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(piped).arrayBuffer());
}

/** The hash fragment (without `#`) that holds `text`. */
export async function encodeScenario(text: string): Promise<string> {
  const deflated = await pipe(new TextEncoder().encode(text), new CompressionStream('deflate-raw'));
  return PREFIX + toBase64Url(deflated);
}

/**
 * The scenario a hash holds, or undefined when the hash holds none (empty, or something else);
 * throws with a readable message when the hash is a damaged scenario link.
 */
export async function decodeScenario(hash: string): Promise<string | undefined> {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const part = h.split('&').find((p) => p.startsWith(PREFIX));
  if (part === undefined) return undefined;
  const bytes = fromBase64Url(part.slice(PREFIX.length));
  try {
    const inflated = await pipe(bytes, new DecompressionStream('deflate-raw'));
    return new TextDecoder('utf-8', { fatal: true }).decode(inflated);
  } catch {
    throw new Error('the link is damaged (it does not decompress to a scenario); was it cut short?');
  }
}

/** The example a hash names (`#example=leaderless/read-repair`), if any. */
export function exampleFromHash(hash: string): string | undefined {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const part = h.split('&').find((p) => p.startsWith('example='));
  return part === undefined ? undefined : decodeURIComponent(part.slice('example='.length));
}
