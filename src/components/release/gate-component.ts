/**
 * The gate checklist component if it exists (another part of the portal provides it), found
 * at build time with Vite's glob import so that a missing file is not a build error.
 */
type AstroComponent = (props: Record<string, unknown>) => unknown;

const found = import.meta.glob<{ default: AstroComponent }>('../gate/GateChecklist.astro', { eager: true });

export function gateChecklist(): AstroComponent | undefined {
  return Object.values(found)[0]?.default;
}

/** Whether the page will show a gate section (its heading id is `gate-checklist`). */
export const hasGateChecklist = (): boolean => gateChecklist() !== undefined;
