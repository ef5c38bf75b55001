import { readFileSync } from 'node:fs';
import { processTreePids } from '@live-scores/scraper';

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    return '';
  }
}

/**
 * The scraper's Chromium: the browser process in the scraper's tree (Chromium's renderers,
 * GPU and zygotes carry `--type=`; the browser itself does not).
 */
export function browserPidOf(scraperPid: number): number | undefined {
  return processTreePids(scraperPid).find((pid) => {
    if (pid === scraperPid) return false;
    const line = commandLine(pid);
    return /chrom/i.test(line) && !line.includes('--type=');
  });
}

/** SIGKILLs the scraper's Chromium, as the kernel's OOM killer would; its pid, or undefined when none runs. */
export function killBrowser(scraperPid: number): number | undefined {
  const pid = browserPidOf(scraperPid);
  if (pid !== undefined) process.kill(pid, 'SIGKILL');
  return pid;
}
