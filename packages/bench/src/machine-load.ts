import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

/** How busy the machine was while a figure was measured: a shared host's numbers mean little without it. */
export interface MachineLoad {
  /** Share of CPU time the hypervisor gave to other guests (/proc/stat steal), in percent. */
  cpuStealPct?: number;
  /** Share of CPU time spent busy, by anything on the machine (this run included), in percent. */
  cpuBusyPct?: number;
  /** One-minute load average when the figure was taken (2 cores: above 2 means queueing). */
  loadAvg1: number;
}

interface CpuTimes {
  total: number;
  idle: number;
  steal: number;
}

/** The machine-wide `cpu` line of /proc/stat, or undefined where there is none (not Linux). */
function readCpuTimes(): CpuTimes | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const [label, ...fields] = line.trim().split(/\s+/);
    if (label !== 'cpu') return undefined;
    // user nice system idle iowait irq softirq steal guest guest_nice; guest time is inside user.
    const [user = 0, nice = 0, system = 0, idle = 0, iowait = 0, irq = 0, softirq = 0, steal = 0] =
      fields.map(Number);
    return {
      total: user + nice + system + idle + iowait + irq + softirq + steal,
      idle: idle + iowait,
      steal,
    };
  } catch {
    return undefined;
  }
}

const pct = (part: number, whole: number): number => Math.round((part / whole) * 1000) / 10;

/** Starts watching; `stop()` answers the steal and busy share since the start, and the load average. */
export function watchMachineLoad(): { stop(): MachineLoad } {
  const start = readCpuTimes();
  return {
    stop() {
      const end = readCpuTimes();
      const load: MachineLoad = { loadAvg1: Math.round(loadavg()[0]! * 100) / 100 };
      if (!start || !end || end.total <= start.total) return load;
      const total = end.total - start.total;
      return {
        ...load,
        cpuStealPct: pct(end.steal - start.steal, total),
        cpuBusyPct: pct(total - (end.idle - start.idle), total),
      };
    },
  };
}
