/** askProcess / answerParent (src/model/worker.ts): the check of `shiplog build` runs this way. */
import { describe, expect, it } from 'vitest';
import { askProcess } from '../../../src/model/worker.ts';

const CHILD = new URL('./ask-process-child.ts', import.meta.url);

describe('askProcess', () => {
  it('resolves with the child\'s one answer, structured data included', async () => {
    const answer = await askProcess<{ doubled: Map<string, number> }>(CHILD, { do: 'answer', value: new Map([['a', 2]]) }, 'the test child');
    expect(answer.doubled).toEqual(new Map([['a', 4]]));
  });

  it('rejects, naming the child, when its work fails (status 70) or it ends without answering', async () => {
    await expect(askProcess(CHILD, { do: 'throw' }, 'the test child')).rejects.toThrow('the test child ended with exit code 70 before it answered');
    await expect(askProcess(CHILD, { do: 'leave' }, 'the test child')).rejects.toThrow('the test child ended with exit code 3 before it answered');
  });
});
