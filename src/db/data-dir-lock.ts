import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from '../config.ts';

/**
 * The embedded database (PGlite) belongs to one process: a second one opening the same folder (a
 * second server, or a CLI command beside a running server) would write over the first's files. The
 * first process writes its pid into `<dataDir>/cchc.lock`; another finds it and stops with a clear
 * message. A lock left by a process that no longer runs (killed, crashed) is taken over.
 */
/** The folder is held by another running process (`pid`). */
export class DataDirInUseError extends ConfigError {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
    hint = 'stop it first, or point both at PostgreSQL with DATABASE_URL',
  ) {
    super(`the embedded database in ${dataDir} is in use by process ${pid} (a running cchc server?): ${hint}`);
  }
}

export function lockDataDir(dataDir: string): () => void {
  const path = join(dataDir, 'cchc.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        if (ownerOf(path) === process.pid) rmSync(path, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const owner = ownerOf(path);
      if (owner !== null && owner !== process.pid && isRunning(owner)) {
        throw new DataDirInUseError(dataDir, owner);
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new ConfigError(`cannot lock the embedded database in ${dataDir} (${path})`);
}

function ownerOf(path: string): number | null {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
