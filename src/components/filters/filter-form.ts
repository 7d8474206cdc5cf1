/**
 * What the portal's filter forms (releases, test reports, retrospectives) do alike, in the
 * browser: read the selected values, say how many rows are shown, keep the selection in the
 * address (so a filtered list can be linked), and start from the address on load. Each form
 * keeps its own matching, since what a row holds differs.
 */

/** The value of each field's `<select>` ('' for "all"). */
export function selectedValues<F extends string>(form: HTMLFormElement, fields: readonly F[]): Map<F, string> {
  return new Map(fields.map((f) => [f, (form.elements.namedItem(f) as HTMLSelectElement | null)?.value ?? '']));
}

/** "{shown} of {total}" in the count's template; the "nothing matches" line when none is shown. */
export function showCount(count: HTMLElement | null, none: HTMLElement | null, shown: number, total: number): void {
  if (count) count.textContent = (count.dataset['template'] ?? '').replace('{shown}', String(shown)).replace('{total}', String(total));
  if (none) none.hidden = shown > 0;
}

/** The selection as the page's query string (none when nothing is selected), without a history entry. */
export function writeAddress<F extends string>(fields: readonly F[], wanted: ReadonlyMap<F, string>): void {
  const params = new URLSearchParams();
  for (const f of fields) if (wanted.get(f)) params.set(f, wanted.get(f)!);
  const query = params.toString();
  history.replaceState(null, '', query ? `?${query}` : location.pathname);
}

/**
 * Selects what the address asks for (values the form offers only), shows the form (hidden
 * without JavaScript), applies the filter on every change and reset, and once now.
 */
export function startFilterForm<F extends string>(form: HTMLFormElement, fields: readonly F[], apply: () => void): void {
  const initial = new URLSearchParams(location.search);
  for (const f of fields) {
    const select = form.elements.namedItem(f) as HTMLSelectElement | null;
    const value = initial.get(f);
    if (select && value && [...select.options].some((o) => o.value === value)) select.value = value;
  }
  form.hidden = false;
  form.addEventListener('change', apply);
  // `reset` fires before the fields are cleared.
  form.addEventListener('reset', () => setTimeout(apply));
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
}
