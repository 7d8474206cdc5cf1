/**
 * Runs one command as a child process tree and measures it: wall time; CPU time (user + sys)
 * from /usr/bin/time, whose rusage covers every descendant that was waited for, with a
 * /proc-sampled sum as the fallback and cross-check; peak RSS of the whole tree, summing the
 * RSS of every descendant read from /proc every ~100 ms; the processes that peaked highest.
 * Linux only (it reads /proc).
 */
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, openSync, closeSync, readdirSync, readFileSync } from 'node:fs';

export interface ProcessPeak {
  pid: number;
  command: string;
  peakRssBytes: number;
  cpuMs: number;
}

export interface Measurement {
  command: string;
  exitCode: number;
  wallMs: number;
  /**
   * user + sys of the tree: the larger of /usr/bin/time's figure (exact, but only for the
   * descendants that were waited for) and the /proc samples (every process seen, but each
   * misses its last interval). Pagefind's Node API leaves its service process unwaited, so
   * /usr/bin/time alone under-counts a Shiplog build by the whole indexing.
   */
  cpuMs: number;
  userMs: number;
  sysMs: number;
  /** CPU summed from the /proc samples (misses processes shorter than one interval). */
  sampledCpuMs: number;
  cpuSource: 'usr-bin-time' | 'proc-samples';
  /** Highest sum of RSS over the tree at one sample (shared pages counted once per process). */
  peakTreeRssBytes: number;
  /** Largest single process (max RSS from /usr/bin/time, or from the samples). */
  peakProcessRssBytes: number;
  samples: number;
  /** CPU of the processes whose command matches RunOptions.part (e.g. Pagefind's), from the /proc samples. */
  partCpuMs: number;
  /** Processes of the tree by peak RSS, largest first (at most 8). */
  processes: ProcessPeak[];
  loadBefore: number;
  loadAfter: number;
  log: string;
}

const TIME = '/usr/bin/time';
const hasTime = existsSync(TIME);
const PAGE = (() => {
  try {
    return Number(execFileSync('getconf', ['PAGESIZE'], { encoding: 'utf8' }).trim()) || 4096;
  } catch {
    return 4096;
  }
})();
const TICK_MS = (() => {
  try {
    return 1000 / (Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100);
  } catch {
    return 10;
  }
})();

interface Stat {
  ppid: number;
  cpuTicks: number;
  rssBytes: number;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'latin1');
  } catch {
    return undefined;
  }
  // comm may hold spaces and parentheses: fields start after the last ')'.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  // fields[0] is field 3 (state): ppid is field 4, utime 14, stime 15, rss 24.
  return { ppid: Number(fields[1]), cpuTicks: Number(fields[11]) + Number(fields[12]), rssBytes: Number(fields[21]) * PAGE };
}

function commandOf(pid: number): string {
  try {
    const parts = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return parts.map((p) => (p.length > 60 ? `…${p.slice(-57)}` : p)).join(' ').slice(0, 160);
  } catch {
    return '?';
  }
}

export function loadAverage(): number {
  try {
    return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
  } catch {
    return Number.NaN;
  }
}

/** Descendants of `root` (itself included), from one pass over /proc. */
function tree(root: number): Map<number, Stat> {
  const all = new Map<number, Stat>();
  for (const name of readdirSync('/proc')) {
    const pid = Number(name);
    if (!Number.isInteger(pid)) continue;
    const stat = readStat(pid);
    if (stat) all.set(pid, stat);
  }
  const children = new Map<number, number[]>();
  for (const [pid, stat] of all) {
    const list = children.get(stat.ppid);
    if (list) list.push(pid);
    else children.set(stat.ppid, [pid]);
  }
  const out = new Map<number, Stat>();
  const stack = [root];
  while (stack.length > 0) {
    const pid = stack.pop()!;
    const stat = all.get(pid);
    if (!stat || out.has(pid)) continue;
    out.set(pid, stat);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** stdout and stderr of the tree go here. */
  log: string;
  intervalMs?: number;
  /** Processes to total apart (`partCpuMs`): their command matches this. */
  part?: RegExp;
}

/** Runs `argv` under /usr/bin/time (when installed) and samples its process tree until it exits. */
export async function measure(argv: readonly string[], options: RunOptions): Promise<Measurement> {
  const timeFile = `${options.log}.time`;
  const full = hasTime ? [TIME, '-f', '%e %U %S %M %x', '-o', timeFile, ...argv] : [...argv];
  const out = openSync(options.log, 'w');
  const loadBefore = loadAverage();
  const started = performance.now();
  const child = spawn(full[0]!, full.slice(1), { cwd: options.cwd, env: options.env, stdio: ['ignore', out, out] });
  const seen = new Map<number, { command: string; peakRssBytes: number; cpuTicks: number; samples: number }>();
  let peakTree = 0;
  let samples = 0;
  const sample = (): void => {
    if (child.pid === undefined) return;
    const stats = tree(child.pid);
    let sum = 0;
    for (const [pid, stat] of stats) {
      // /usr/bin/time itself is not part of what is measured.
      if (hasTime && pid === child.pid) continue;
      sum += stat.rssBytes;
      const known = seen.get(pid);
      if (known) {
        known.peakRssBytes = Math.max(known.peakRssBytes, stat.rssBytes);
        known.cpuTicks = Math.max(known.cpuTicks, stat.cpuTicks);
        // A child first seen between fork and exec still shows its parent's command line.
        if (known.samples++ < 3) {
          const command = commandOf(pid);
          if (command !== '?') known.command = command;
        }
      } else {
        seen.set(pid, { command: commandOf(pid), peakRssBytes: stat.rssBytes, cpuTicks: stat.cpuTicks, samples: 1 });
      }
    }
    peakTree = Math.max(peakTree, sum);
    samples += 1;
  };
  const timer = setInterval(sample, options.intervalMs ?? 100);
  sample();
  const exitCode = await new Promise<number>((resolve) => {
    child.on('exit', (code, signal) => resolve(code ?? (signal ? 128 : 1)));
    child.on('error', () => resolve(127));
  });
  const wallMs = performance.now() - started;
  clearInterval(timer);
  closeSync(out);

  const processes = [...seen.entries()]
    .map(([pid, p]) => ({ pid, command: p.command, peakRssBytes: p.peakRssBytes, cpuMs: Math.round(p.cpuTicks * TICK_MS) }))
    .sort((a, b) => b.peakRssBytes - a.peakRssBytes);
  const sampledCpuMs = processes.reduce((sum, p) => sum + p.cpuMs, 0);
  let userMs = Number.NaN;
  let sysMs = Number.NaN;
  let maxRss = processes[0]?.peakRssBytes ?? 0;
  let code = exitCode;
  if (hasTime) {
    // The last line: "%e %U %S %M %x" (a killed child adds a "Command terminated" line before it).
    const last = readFileSync(timeFile, 'utf8').trim().split('\n').at(-1) ?? '';
    const [, user, sys, rssKb, status] = last.split(' ').map(Number);
    if (user !== undefined && sys !== undefined && !Number.isNaN(user)) {
      userMs = user * 1000;
      sysMs = sys * 1000;
    }
    if (rssKb !== undefined && !Number.isNaN(rssKb)) maxRss = Math.max(maxRss, rssKb * 1024);
    if (status !== undefined && !Number.isNaN(status)) code = status;
  }
  const fromTime = !Number.isNaN(userMs) && userMs + sysMs >= sampledCpuMs;
  return {
    command: argv.join(' '),
    exitCode: code,
    wallMs: Math.round(wallMs),
    cpuMs: Math.round(fromTime ? userMs + sysMs : sampledCpuMs),
    userMs: Math.round(userMs),
    sysMs: Math.round(sysMs),
    sampledCpuMs,
    cpuSource: fromTime ? 'usr-bin-time' : 'proc-samples',
    peakTreeRssBytes: peakTree,
    peakProcessRssBytes: maxRss,
    samples,
    partCpuMs: options.part ? processes.filter((p) => options.part!.test(p.command)).reduce((sum, p) => sum + p.cpuMs, 0) : 0,
    processes: processes.slice(0, 8),
    loadBefore,
    loadAfter: loadAverage(),
    log: options.log,
  };
}
