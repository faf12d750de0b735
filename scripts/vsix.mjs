// Lists the files of a .vsix (a zip) from its central directory, without unpacking it.
import { readFileSync } from 'node:fs';

/**
 * @param {string} file
 * @returns {{ name: string; size: number; compressed: number }[]}
 */
export function listZip(file) {
  const buf = readFileSync(file);
  // The end-of-central-directory record is in the last 64 KiB + 22 bytes (after a comment).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 65_557); i--)
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = [];
  for (let n = 0; n < count; n++) {
    if (buf.readUInt32LE(at) !== 0x02014b50) throw new Error(`${file}: broken central directory`);
    const compressed = buf.readUInt32LE(at + 20);
    const size = buf.readUInt32LE(at + 24);
    const nameLen = buf.readUInt16LE(at + 28);
    const extraLen = buf.readUInt16LE(at + 30);
    const commentLen = buf.readUInt16LE(at + 32);
    entries.push({ name: buf.toString('utf8', at + 46, at + 46 + nameLen), size, compressed });
    at += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Open VSX's names for namespaces (publisher) and extensions. */
const OPEN_VSX_NAME = /^[\w\-+$~]+$/;
/** Open VSX's limit for most manifest strings, and for the description. */
const OPEN_VSX_STRING = 255;
const OPEN_VSX_DESCRIPTION = 2048;

/**
 * What the Open VSX registry refuses in a manifest (its server validates these on upload; `ovsx`
 * itself only asks for publisher, name, version and a license): name patterns, semantic version
 * (not the reserved `latest`/`pre-release`), field lengths, control characters, absolute http(s)
 * URLs for repository/homepage/bugs, and the allowed values of markdown, galleryBanner.theme and qna.
 * @param {Record<string, any>} manifest package.json as packaged
 * @param {boolean} hasLicenseFile the package carries LICENSE(.txt/.md)
 * @returns {string[]} problems, empty when Open VSX would take it
 */
export function openVsxProblems(manifest, hasLicenseFile) {
  const problems = [];
  const str = (/** @type {unknown} */ v) => (typeof v === 'string' ? v : undefined);
  for (const [field, value] of [
    ['publisher', manifest.publisher],
    ['name', manifest.name],
  ]) {
    if (!str(value)) problems.push(`${field} is missing`);
    else if (!OPEN_VSX_NAME.test(value)) problems.push(`${field} "${value}" has characters Open VSX refuses`);
    else if (value.length > OPEN_VSX_STRING) problems.push(`${field} is longer than ${OPEN_VSX_STRING}`);
  }
  const version = str(manifest.version) ?? '';
  if (!/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(version))
    problems.push(`version "${version}" is not a semantic version`);
  if (!str(manifest.license) && !hasLicenseFile) problems.push('no license (field or LICENSE file)');
  // Control, format, unassigned, private-use and line/paragraph separator characters.
  const badChar = /[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u;
  /** @param {string} field @param {unknown} value @param {number} limit @param {RegExp} [bad] */
  const text = (field, value, limit, bad = badChar) => {
    const values = Array.isArray(value) ? value : value === undefined ? [] : [value];
    for (const v of values) {
      if (typeof v !== 'string') problems.push(`${field}: not a string`);
      else if (v.length > limit) problems.push(`${field} "${v.slice(0, 40)}…" is longer than ${limit}`);
      else if (bad.test(v)) problems.push(`${field} "${v.slice(0, 40)}" has a control character`);
    }
  };
  text('displayName', manifest.displayName, OPEN_VSX_STRING);
  // A zero-width joiner (emoji sequences) is allowed in the description.
  text(
    'description',
    manifest.description,
    OPEN_VSX_DESCRIPTION,
    /(?!\u200d)[\p{Cc}\p{Cf}\p{Cn}\p{Co}\p{Zl}\p{Zp}]/u,
  );
  text('categories', manifest.categories, OPEN_VSX_STRING);
  text('keywords', manifest.keywords, OPEN_VSX_STRING);
  text('license', manifest.license, OPEN_VSX_STRING);
  const url = (/** @type {unknown} */ v) =>
    typeof v === 'string' ? v : v && typeof v === 'object' && 'url' in v ? String(v.url) : undefined;
  for (const field of ['repository', 'homepage', 'bugs']) {
    const value = url(manifest[field]);
    if (value === undefined) continue;
    if (value.length > OPEN_VSX_STRING) problems.push(`${field} URL is longer than ${OPEN_VSX_STRING}`);
    let parsed;
    try {
      parsed = new URL(value.replace(/^git\+/, ''));
    } catch {}
    if (!parsed || (/^https?:$/.test(parsed.protocol) && !parsed.host))
      problems.push(`${field} "${value}" is not an absolute URL`);
  }
  if (manifest.markdown !== undefined && !['github', 'standard'].includes(manifest.markdown))
    problems.push(`markdown must be "github" or "standard"`);
  const theme = manifest.galleryBanner?.theme;
  if (theme !== undefined && !['dark', 'light'].includes(theme))
    problems.push('galleryBanner.theme must be "dark" or "light"');
  text('galleryBanner.color', manifest.galleryBanner?.color, 16);
  if (
    manifest.qna !== undefined &&
    manifest.qna !== false &&
    !['marketplace', 'false'].includes(manifest.qna)
  )
    try {
      new URL(manifest.qna);
    } catch {
      problems.push('qna must be "marketplace", false or a URL');
    }
  return problems;
}
