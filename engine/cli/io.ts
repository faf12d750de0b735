// File and terminal plumbing for the CLI: clear errors for unreadable files, buffered output to a
// file or standard output.

import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { UsageError } from './args';

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a directory'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new UsageError(`cannot read ${path}: ${why}`);
  }
}

/** Streams chunks to a file (or stdout when `path` is undefined), buffering small writes. */
export function withOutput(
  path: string | undefined,
  produce: (write: (chunk: string) => void) => void,
): void {
  let fd: number;
  try {
    fd = path === undefined ? 1 : openSync(path, 'w');
  } catch (e) {
    throw new UsageError(`cannot write ${path}: ${(e as Error).message}`);
  }
  let buffer: string[] = [];
  let size = 0;
  const flush = () => {
    if (size === 0) return;
    writeAll(fd, buffer.join(''));
    buffer = [];
    size = 0;
  };
  try {
    produce((chunk) => {
      buffer.push(chunk);
      size += chunk.length;
      if (size > 1 << 20) flush();
    });
    flush();
  } finally {
    if (path !== undefined) closeSync(fd);
  }
}

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  let off = 0;
  while (off < bytes.length) {
    try {
      off += writeSync(fd, bytes, off);
    } catch (e) {
      // A pipe whose reader has gone (`| head`) is not an error worth a message.
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') process.exit(0);
      if ((e as NodeJS.ErrnoException).code !== 'EAGAIN') throw e;
    }
  }
}

export function useColor(stream: NodeJS.WriteStream): boolean {
  if (process.env.NO_COLOR !== undefined) return false;
  if (process.env.FORCE_COLOR !== undefined && process.env.FORCE_COLOR !== '0') return true;
  return stream.isTTY === true;
}
