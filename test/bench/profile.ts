/**
 * Summarises V8 `.cpuprofile` files (written by `--cpu-prof`): for the busiest profile, self
 * time by package (node_modules/<pkg>, this repo's src/<dir>, node internals, GC) and the
 * functions with the most self time. Enough to see where a build spends its CPU.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
}
interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface ProfileSummary {
  file: string;
  profiles: number;
  /** Wall time covered by the busiest profile, and the part that was not idle. */
  spanMs: number;
  busyMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  topFunctions: { name: string; where: string; ms: number; share: number }[];
}

/** Which bucket a frame's self time goes to. */
function bucketOf(frame: CallFrame, repo: string): string {
  const { url, functionName } = frame;
  if (url === '') {
    if (functionName === '(garbage collector)') return '(garbage collector)';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(program)') return '(program: native, compiler)';
    return '(native)';
  }
  if (url.startsWith('node:')) return 'node: internals';
  const file = url.startsWith('file://') ? decodeURIComponent(url.slice(7)) : url;
  const nm = file.lastIndexOf('/node_modules/');
  if (nm >= 0) {
    const rest = file.slice(nm + '/node_modules/'.length).split('/');
    return rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
  }
  if (file.startsWith(repo)) {
    const rel = path.relative(repo, file).split(path.sep);
    if (rel[0] === '.astro') return '.astro/.prerender (the bundled site: pages, components, MDX)';
    return rel[0] === 'src' && rel.length > 2 ? `src/${rel[1]}` : rel.slice(0, 2).join('/');
  }
  if (/\/dist\/|\/chunks\/|\.mjs$/.test(file)) return '(built site code)';
  return file.length > 60 ? `…${file.slice(-57)}` : file;
}

function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    self.set(id, (self.get(id) ?? 0) + Math.max(0, delta));
  });
  return self;
}

/** Summarises the busiest profile in `dir` (by non-idle time). */
export function summariseProfiles(dir: string, repo: string, top = 15): ProfileSummary | undefined {
  const files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  let best: { file: string; profile: CpuProfile; self: Map<number, number>; busy: number } | undefined;
  for (const file of files) {
    const profile = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as CpuProfile;
    const self = selfTimes(profile);
    const idle = new Set(profile.nodes.filter((n) => n.callFrame.functionName === '(idle)').map((n) => n.id));
    let busy = 0;
    for (const [id, us] of self) if (!idle.has(id)) busy += us;
    if (!best || busy > best.busy) best = { file, profile, self, busy };
  }
  if (!best) return undefined;
  const byId = new Map(best.profile.nodes.map((n) => [n.id, n]));
  const buckets = new Map<string, number>();
  const functions = new Map<string, { name: string; where: string; us: number }>();
  for (const [id, us] of best.self) {
    const node = byId.get(id);
    if (!node) continue;
    const bucket = bucketOf(node.callFrame, repo);
    if (bucket === '(idle)') continue;
    buckets.set(bucket, (buckets.get(bucket) ?? 0) + us);
    const where = node.callFrame.url === '' ? bucket : `${bucket}:${node.callFrame.lineNumber + 1}`;
    const name = node.callFrame.functionName || '(anonymous)';
    const key = `${name}@${where}`;
    const entry = functions.get(key) ?? { name, where, us: 0 };
    entry.us += us;
    functions.set(key, entry);
  }
  const busyMs = best.busy / 1000;
  const share = (us: number) => Math.round((us / best.busy) * 1000) / 10;
  return {
    file: path.join(dir, best.file),
    profiles: files.length,
    spanMs: Math.round((best.profile.endTime - best.profile.startTime) / 1000),
    busyMs: Math.round(busyMs),
    byPackage: [...buckets.entries()].sort((a, b) => b[1] - a[1]).slice(0, top).map(([name, us]) => ({ name, ms: Math.round(us / 1000), share: share(us) })),
    topFunctions: [...functions.values()].sort((a, b) => b.us - a.us).slice(0, top).map((f) => ({ name: f.name, where: f.where, ms: Math.round(f.us / 1000), share: share(f.us) })),
  };
}
