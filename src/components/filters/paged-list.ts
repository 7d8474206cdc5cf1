/**
 * The filters of a list that may span several pages (releases, test reports), in the browser.
 * When the whole list is on the page, the rows that do not match are hidden. When the list has
 * several pages (an index URL is given), a filter reads the index of every row (fetched once,
 * on the first filter) and shows all the matches in place of the page's rows, with the pager
 * hidden until the filters are cleared. If the index cannot be loaded, the filter applies to
 * the page's rows and the count says so. Rows match on their data attributes, one per field.
 */
import { selectedValues, showCount, startFilterForm, writeAddress } from './filter-form.ts';

export interface PagedListOptions<F extends string, R, I extends { rows: R[] }> {
  form: HTMLFormElement;
  fields: readonly F[];
  /** The count line: `data-total` (rows in the whole list), `data-template`, `data-loading`, `data-failed`. */
  count: HTMLElement | null;
  /** The "nothing matches" line. */
  none: HTMLElement | null;
  pager: HTMLElement | null;
  /** This page's rows. */
  pageRows: HTMLTableRowElement[];
  /** URL of the index of every row, when the list has more than one page and rows can be built. */
  indexUrl: string | undefined;
  /** A row of the index: its value of each field, and the table row that shows it (the index gives the labels). */
  valuesOf: (row: R) => Record<F, string>;
  build: (row: R, index: I) => HTMLTableRowElement;
  /** Called with each selection once it is applied (to filter what else the page shows). */
  applied?: (wanted: ReadonlyMap<F, string>) => void;
}

export function startPagedList<F extends string, R, I extends { rows: R[] }>(options: PagedListOptions<F, R, I>): void {
  const { form, fields, count, none, pager, pageRows, indexUrl, valuesOf, build, applied } = options;
  const body = pageRows[0]?.parentElement ?? null;
  const total = Number(count?.dataset['total'] ?? pageRows.length);
  let index: Promise<I> | undefined;
  let sequence = 0;

  const say = (shown: number) => showCount(count, none, shown, total);
  const matches = (values: Partial<Record<F, string>>, wanted: ReadonlyMap<F, string>) =>
    fields.every((f) => !wanted.get(f) || values[f] === wanted.get(f));

  /** Filters the rows of this page in place (the whole list, or the fallback when the index cannot load). */
  function filterPage(wanted: ReadonlyMap<F, string>): number {
    let shown = 0;
    for (const row of pageRows) {
      const match = matches(row.dataset as Partial<Record<F, string>>, wanted);
      row.hidden = !match;
      if (match) shown += 1;
    }
    return shown;
  }

  async function apply(): Promise<void> {
    const run = ++sequence;
    const wanted = selectedValues(form, fields);
    writeAddress(fields, wanted);
    applied?.(wanted);

    if (!indexUrl || !body) {
      say(filterPage(wanted));
      return;
    }
    if (!fields.some((f) => wanted.get(f))) {
      for (const row of pageRows) row.hidden = false;
      body.replaceChildren(...pageRows);
      if (pager) pager.hidden = false;
      say(pageRows.length);
      return;
    }
    if (count) count.textContent = count.dataset['loading'] ?? '';
    let data: I;
    try {
      index ??= fetch(indexUrl).then((response) => {
        if (!response.ok) throw new Error(`${indexUrl}: ${response.status}`);
        return response.json() as Promise<I>;
      });
      data = await index;
    } catch {
      index = undefined; // try again on the next change
      if (run !== sequence) return;
      say(filterPage(wanted));
      if (count) count.textContent += ` ${count.dataset['failed'] ?? ''}`;
      return;
    }
    if (run !== sequence) return; // a later change is being applied
    const rows = data.rows.filter((row) => matches(valuesOf(row), wanted));
    body.replaceChildren(...rows.map((row) => build(row, data)));
    if (pager) pager.hidden = true;
    say(rows.length);
  }

  startFilterForm(form, fields, () => void apply());
}

/** Appends `<tag attrs>text</tag>` to `parent` (text, never HTML). */
export function appendElement(parent: Element, tag: string, attributes: Record<string, string>, text: string): void {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  node.textContent = text;
  parent.append(node);
}
