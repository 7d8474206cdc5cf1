/**
 * A small writer of Mermaid flowchart text. Builders add nodes, edges, subgraphs and
 * classes; labels must be `Safe` (made by ./escape.ts) and ids are generated here, so the
 * output's structure never depends on what records say.
 */
import { Ids, type Safe } from './escape.ts';

export type Direction = 'TD' | 'LR';

/** Node shapes, by the meaning the builders give them. */
export const SHAPES = {
  box: ['[', ']'],
  round: ['(', ')'],
  stadium: ['([', '])'],
  subroutine: ['[[', ']]'],
  cylinder: ['[(', ')]'],
  circle: ['((', '))'],
  diamond: ['{', '}'],
  hexagon: ['{{', '}}'],
  parallelogram: ['[/', '/]'],
  trapezoid: ['[/', '\\]'],
  flag: ['>', ']'],
} as const satisfies Record<string, readonly [string, string]>;
export type Shape = keyof typeof SHAPES;

/** `-->` solid arrow, `-.->` dotted arrow, `==>` thick arrow, `-.-` dotted line without arrow. */
export const LINKS = { solid: '-->', dotted: '-.->', thick: '==>', dottedLine: '-.-' } as const;
export type Link = keyof typeof LINKS;

interface Node {
  id: string;
  label: Safe;
  shape: Shape;
  parent: string | undefined;
}
interface Subgraph {
  id: string;
  title: Safe;
  parent: string | undefined;
}
interface Edge {
  from: string;
  to: string;
  label: Safe | undefined;
  link: Link;
}

const WRAPPING_WIDTH = 420;
const CLASS_NAME = /^[a-z][a-zA-Z0-9]*$/;
/** classDef styles are builder constants; this keeps a typo from becoming broken syntax. */
const STYLE = /^[a-z-]+:[#a-zA-Z0-9.,% ()-]+(?:,[a-z-]+:[#a-zA-Z0-9.,% ()-]+)*$/;

export class Flowchart {
  readonly #ids = new Ids('n');
  readonly #subIds = new Ids('s');
  readonly #nodes: Node[] = [];
  readonly #subgraphs: Subgraph[] = [];
  readonly #edges: Edge[] = [];
  readonly #classDefs = new Map<string, string>();
  readonly #classes = new Map<string, string[]>();
  readonly direction: Direction;

  constructor(direction: Direction) {
    this.direction = direction;
  }

  node(label: Safe, shape: Shape = 'box', options: { in?: string; class?: string } = {}): string {
    const id = this.#ids.next();
    this.#nodes.push({ id, label, shape, parent: options.in });
    if (options.class) this.addClass(id, options.class);
    return id;
  }

  subgraph(title: Safe, options: { in?: string } = {}): string {
    const id = this.#subIds.next();
    this.#subgraphs.push({ id, title, parent: options.in });
    return id;
  }

  edge(from: string, to: string, options: { label?: Safe; link?: Link } = {}): void {
    this.#edges.push({ from, to, label: options.label, link: options.link ?? 'solid' });
  }

  classDef(name: string, style: string): void {
    if (!CLASS_NAME.test(name) || !STYLE.test(style)) throw new Error(`bad classDef ${name}: ${style}`);
    this.#classDefs.set(name, style);
  }

  addClass(id: string, name: string): void {
    if (!CLASS_NAME.test(name)) throw new Error(`bad class name ${name}`);
    const ids = this.#classes.get(name) ?? [];
    ids.push(id);
    this.#classes.set(name, ids);
  }

  toString(): string {
    // Our own labels are broken into lines by ./escape.ts `wrap`; a wide wrapping width keeps
    // Mermaid from breaking them again (its default, 120 px, splits every CJK line in two).
    const out: string[] = ['---', 'config:', '  flowchart:', `    wrappingWidth: ${WRAPPING_WIDTH}`, '---', `flowchart ${this.direction}`];
    const nodeLine = (n: Node, indent: string) => {
      const [open, close] = SHAPES[n.shape];
      out.push(`${indent}${n.id}${open}"${n.label}"${close}`);
    };
    const emit = (parent: string | undefined, indent: string) => {
      for (const s of this.#subgraphs.filter((g) => g.parent === parent)) {
        out.push(`${indent}subgraph ${s.id}["${s.title}"]`);
        emit(s.id, `${indent}  `);
        out.push(`${indent}end`);
      }
      for (const n of this.#nodes.filter((node) => node.parent === parent)) nodeLine(n, indent);
    };
    emit(undefined, '  ');
    for (const e of this.#edges) {
      const label = e.label === undefined ? '' : `|"${e.label}"|`;
      out.push(`  ${e.from} ${LINKS[e.link]}${label} ${e.to}`);
    }
    for (const [name, style] of this.#classDefs) out.push(`  classDef ${name} ${style}`);
    for (const [name, ids] of this.#classes) if (ids.length > 0) out.push(`  class ${ids.join(',')} ${name}`);
    return `${out.join('\n')}\n`;
  }
}
