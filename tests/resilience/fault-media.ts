/**
 * Data folders whose storage really fails on demand, for the storage-fault tests: nothing in
 * the server is faked, the kernel refuses the writes. Each needs root (mount, chattr); where
 * the machine does not allow it, `open` throws and the test says it was skipped.
 *
 * - a full disk: a small tmpfs, filled up by a filler file (SQLite: SQLITE_FULL);
 * - a read-only folder: an ext4 image mounted with `errors=remount-ro`, then an ext4 error is
 *   triggered (`/sys/fs/ext4/<dev>/trigger_fs_error`), so the kernel remounts it read-only as
 *   it does after a disk error (root cannot write to it either; chmod would not stop root);
 * - an I/O error: the WAL file made immutable (`chattr +i`), so every write to it fails in
 *   the kernel (EPERM), which SQLite reports as SQLITE_IOERR_WRITE, "disk I/O error", as it
 *   does for a failing disk.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import {
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  rmSync,
  truncateSync,
  writeSync,
} from 'node:fs';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

export interface FaultyFolder {
  /** The data folder to start the server on. */
  readonly dataDirectory: string;
  /** Makes the storage fail from now on. */
  inject(): void;
  /** Makes it work again (the data written before the fault is kept). */
  repair(): void;
  /** Removes everything (after the server is dead). */
  dispose(): void;
}

const run = (command: string, args: readonly string[]) =>
  execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    .toString()
    .trim();

function requireRoot(): void {
  if (process.getuid?.() !== 0) throw new Error('storage faults need root (mount, chattr)');
}

/** A 16 MB tmpfs, filled to the last byte on `inject`. */
export function fullDisk(): FaultyFolder {
  requireRoot();
  const mountPoint = mkdtempSync(join(tmpdir(), 'firedrill-full-'));
  run('mount', ['-t', 'tmpfs', '-o', 'size=16m,mode=0700', 'tmpfs', mountPoint]);
  const filler = join(mountPoint, 'filler');
  return {
    dataDirectory: join(mountPoint, 'data'),
    inject() {
      const fd = openSync(filler, 'w');
      try {
        for (const size of [1024 * 1024, 4096, 1]) fillWith(fd, Buffer.alloc(size, 1));
      } finally {
        closeSync(fd);
      }
    },
    repair: () => rmSync(filler, { force: true }),
    dispose() {
      spawnSync('umount', ['-l', mountPoint]);
      rmSync(mountPoint, { recursive: true, force: true });
    },
  };
}

function fillWith(fd: number, chunk: Buffer): void {
  try {
    for (;;) writeSync(fd, chunk);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
  }
}

/** An ext4 image on a loop device that the kernel turns read-only on `inject`. */
export function readOnlyFolder(): FaultyFolder {
  requireRoot();
  const root = mkdtempSync(join(tmpdir(), 'firedrill-readonly-'));
  const image = join(root, 'disk.img');
  const mountPoint = join(root, 'mnt');
  mkdirSync(mountPoint);
  closeSync(openSync(image, 'w'));
  truncateSync(image, 32 * 1024 * 1024);
  run('mkfs.ext4', ['-q', '-F', '-m', '0', image]);
  const mount = () => run('mount', ['-o', 'loop,errors=remount-ro', image, mountPoint]);
  mount();
  return {
    dataDirectory: join(mountPoint, 'data'),
    inject() {
      const device = basename(run('findmnt', ['-n', '-o', 'SOURCE', mountPoint]));
      writeFileSync(`/sys/fs/ext4/${device}/trigger_fs_error`, '1');
    },
    repair() {
      run('umount', [mountPoint]);
      // e2fsck exits 1 when it corrected the error the trigger left behind.
      const checked = spawnSync('e2fsck', ['-f', '-y', image]);
      if (checked.status !== 0 && checked.status !== 1)
        throw new Error(`e2fsck failed: ${checked.stderr.toString()}`);
      mount();
    },
    dispose() {
      spawnSync('umount', ['-l', mountPoint]);
      rmSync(root, { recursive: true, force: true });
    },
  };
}

/** A plain folder whose WAL file becomes immutable on `inject`. */
export function failingWrites(): FaultyFolder {
  requireRoot();
  const dataDirectory = mkdtempSync(join(tmpdir(), 'firedrill-ioerror-'));
  const wal = join(dataDirectory, 'firedrill.sqlite-wal');
  run('chattr', ['-i', dataDirectory]); // fails here, not mid-test, where chattr is missing
  return {
    dataDirectory,
    inject: () => run('chattr', ['+i', wal]),
    repair: () => run('chattr', ['-i', wal]),
    dispose() {
      spawnSync('chattr', ['-i', wal]);
      rmSync(dataDirectory, { recursive: true, force: true });
    },
  };
}
