/**
 * How `npm run new` gets a value the flags did not give: on a terminal it asks (@clack/prompts),
 * proposing what it could work out; without one (scripts, CI, tests) it never waits for input —
 * a value with a proposal takes the proposal, and a value without one is an error naming its flag.
 */
import * as clack from '@clack/prompts';

export interface Choice {
  value: string;
  label?: string;
  hint?: string;
}

export interface Question {
  /** The flag that gives this value (`--service`), named when it is missing. */
  flag: string;
  message: string;
  /** What the tool proposes; without a terminal it is taken as the answer. */
  proposal?: string | undefined;
  /** Answers to pick from (a select on a terminal). */
  choices?: Choice[];
  /** Checks a typed answer; returns the problem, or undefined when it is fine. */
  validate?: (value: string) => string | undefined;
}

export interface Asker {
  readonly interactive: boolean;
  ask(question: Question): Promise<string>;
}

/** A value that only a flag could give, and no terminal to ask on. */
export class MissingFlag extends Error {
  readonly flag: string;
  constructor(flag: string) {
    super(`missing ${flag}: there is no terminal to ask on, so pass it as a flag`);
    this.flag = flag;
  }
}

/** The person pressed Ctrl-C at a prompt. */
export class Cancelled extends Error {
  constructor() {
    super('cancelled: nothing was written');
  }
}

export const noTerminal: Asker = {
  interactive: false,
  ask: async (q) => {
    if (q.proposal !== undefined) return q.proposal;
    throw new MissingFlag(q.flag);
  },
};

export function terminalAsker(): Asker {
  return {
    interactive: true,
    async ask(q) {
      const answer = q.choices
        ? await clack.select<string>({
            message: q.message,
            options: q.choices.map((c) => ({ value: c.value, ...(c.label ? { label: c.label } : {}), ...(c.hint ? { hint: c.hint } : {}) })),
            ...(q.proposal !== undefined ? { initialValue: q.proposal } : {}),
          })
        : await clack.text({
            message: q.message,
            ...(q.proposal !== undefined ? { initialValue: q.proposal } : {}),
            validate: (value) => (value === undefined || value.trim() === '' ? `${q.flag} is needed` : q.validate?.(value.trim())),
          });
      if (clack.isCancel(answer)) throw new Cancelled();
      return answer.trim();
    },
  };
}

/** Whether prompts can be shown: both ends of the conversation are a terminal. */
export function hasTerminal(stdin: NodeJS.ReadStream = process.stdin, stdout: NodeJS.WriteStream = process.stdout): boolean {
  return Boolean(stdin.isTTY && stdout.isTTY);
}
