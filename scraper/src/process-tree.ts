import { readdirSync, readFileSync } from 'node:fs';

/** The parent pid from a `/proc/<pid>/stat` line (the name field may hold spaces and parentheses). */
function parentPid(stat: string): number {
  const afterName = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(afterName[1]);
}

function readProc(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}

/** `rootPid` and all its living descendants (Linux `/proc`; just the root elsewhere, if alive). */
export function processTreePids(rootPid: number): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return isAlive(rootPid) ? [rootPid] : [];
  }
  const children = new Map<number, number[]>();
  for (const entry of entries) {
    const stat = readProc(`/proc/${entry}/stat`);
    if (!stat) continue;
    const ppid = parentPid(stat);
    children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  if (!entries.includes(String(rootPid))) return [];
  const tree: number[] = [];
  const pending = [rootPid];
  while (pending.length > 0) {
    const pid = pending.pop() as number;
    tree.push(pid);
    pending.push(...(children.get(pid) ?? []));
  }
  return tree;
}

/** Resident memory of one process in bytes (`VmRSS`), 0 when it is gone or unreadable. */
export function processRssBytes(pid: number): number {
  const status = readProc(`/proc/${pid}/status`);
  const kib = status?.match(/^VmRSS:\s+(\d+)\s+kB/m)?.[1];
  return kib ? Number(kib) * 1024 : 0;
}

/** Resident memory of a process and its descendants, e.g. Chromium with its renderers. */
export function processTreeRssBytes(rootPid: number): number {
  return processTreePids(rootPid).reduce((sum, pid) => sum + processRssBytes(pid), 0);
}

/** Whether a process exists and is not a zombie waiting to be reaped. */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === undefined) return true;
  const state = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[0];
  return state !== 'Z' && state !== 'X';
}

/**
 * A process's identity: its pid and the moment it started (clock ticks since boot), so a
 * pid the kernel has since handed to another process is not mistaken for the same one.
 */
export function processIdentity(pid: number): string | undefined {
  const stat = readProc(`/proc/${pid}/stat`);
  if (stat === undefined) return undefined;
  const startTime = stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19];
  return `${pid}@${startTime}`;
}

/** Whether the process with this identity (from `processIdentity`) is still running. */
export function isSameProcessAlive(identity: string): boolean {
  const pid = Number(identity.split('@')[0]);
  return processIdentity(pid) === identity && isAlive(pid);
}

/** Linux's USER_HZ: `/proc/<pid>/stat` counts CPU time in these ticks. */
const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far, 0 when it is gone. */
export function processCpuSeconds(pid: number): number {
  const stat = readProc(`/proc/${pid}/stat`);
  if (!stat) return 0;
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After the name: state is field 3 of the line, utime 14 and stime 15.
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU seconds used by a process and its living descendants. */
export function processTreeCpuSeconds(rootPid: number): number {
  return processTreePids(rootPid).reduce((sum, pid) => sum + processCpuSeconds(pid), 0);
}

/**
 * Proportional memory of a process tree in bytes: each shared page split between the
 * processes mapping it, so unlike summed RSS the figures add up. 0 where unreadable.
 */
export function processTreePssBytes(rootPid: number, options: { descendants?: boolean } = {}): number {
  const pids = options.descendants === false ? [rootPid] : processTreePids(rootPid);
  return pids.reduce((sum, pid) => {
    const kib = readProc(`/proc/${pid}/smaps_rollup`)?.match(/^Pss:\s+(\d+)\s+kB/m)?.[1];
    return sum + (kib ? Number(kib) * 1024 : 0);
  }, 0);
}
