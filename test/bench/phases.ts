/**
 * Astro's own timings, read from a build log: content sync, Vite bundling, page generation,
 * the integrations' build:done hooks (Shiplog's attachments and Pagefind), and Pagefind's CLI.
 * Log lines are Astro 7's; a line that is missing just leaves its phase out.
 */
export interface Phase {
  name: string;
  ms: number;
}

/** "2.90s", "523ms", "1m 23s" → milliseconds. */
export function parseDuration(text: string): number | undefined {
  const minutes = /^(\d+)m\s*(\d+(?:\.\d+)?)s$/.exec(text);
  if (minutes) return Number(minutes[1]) * 60_000 + Number(minutes[2]) * 1000;
  const m = /^(\d+(?:\.\d+)?)(ms|s)$/.exec(text);
  if (!m) return undefined;
  return m[2] === 'ms' ? Number(m[1]) : Number(m[1]) * 1000;
}

const DURATION = '(\\d+m\\s*\\d+(?:\\.\\d+)?s|\\d+(?:\\.\\d+)?m?s)';

export function astroPhases(log: string): Phase[] {
  // Strip ANSI colours, then read the lines in order.
  const lines = log.replace(/\x1b\[[0-9;]*m/g, '').split('\n');
  const phases: Phase[] = [];
  const add = (name: string, text: string | undefined) => {
    const ms = text === undefined ? undefined : parseDuration(text);
    if (ms !== undefined) phases.push({ name, ms: Math.round(ms) });
  };
  let buildCompleted = 0;
  let afterRoutes = false;
  let vite = 0;
  let viteSeen = false;
  for (const line of lines) {
    let m: RegExpExecArray | null;
    if ((m = /checked (\d+) records in (\d+) ms/.exec(line))) add('shiplog check (inside build)', `${m[2]}ms`);
    else if ((m = new RegExp(`\\[types\\] Generated ${DURATION}`).exec(line))) add('astro sync (types + content layer)', m[1]);
    else if ((m = new RegExp(`\\[vite\\] ✓ built in ${DURATION}`).exec(line))) {
      vite += parseDuration(m[1]!) ?? 0;
      viteSeen = true;
    } else if (/generating static routes/.test(line)) afterRoutes = true;
    else if ((m = new RegExp(`\\[build\\] ✓ Completed in ${DURATION}`).exec(line))) {
      buildCompleted += 1;
      add(buildCompleted === 1 ? 'setup + sync (collecting build info)' : 'static build (bundle + pages)', m[1]);
    } else if (afterRoutes && (m = new RegExp(`^\\S*\\s*✓ Completed in ${DURATION}`).exec(line.trim()))) {
      add('page generation', m[1]);
      afterRoutes = false;
    } else if ((m = new RegExp(`(\\d+) page\\(s\\) built in ${DURATION}`).exec(line))) add('astro build total', m[2]);
    else if ((m = /Finished in (\d+(?:\.\d+)?) seconds/.exec(line))) add('pagefind (CLI)', `${m[1]}s`);
  }
  if (viteSeen) phases.push({ name: 'vite bundling (sum of its passes)', ms: Math.round(vite) });
  const total = phases.find((p) => p.name === 'astro build total')?.ms;
  const setup = phases.find((p) => p.name.startsWith('setup'))?.ms;
  const stat = phases.find((p) => p.name.startsWith('static build'))?.ms;
  if (total !== undefined && setup !== undefined && stat !== undefined && total - setup - stat > 0) {
    phases.push({ name: 'build:done hooks (≈ total − setup − static build)', ms: Math.round(total - setup - stat) });
  }
  return phases;
}
