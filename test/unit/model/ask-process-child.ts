/** The child of ask-process.test.ts: answers, fails, or leaves without answering, as asked. */
import { answerParent } from '../../../src/model/worker.ts';

answerParent(async (input: { do: 'answer' | 'throw' | 'leave'; value?: Map<string, number> }) => {
  if (input.do === 'throw') throw new Error('a bug');
  if (input.do === 'leave') process.exit(3);
  return { doubled: new Map([...input.value!].map(([k, v]) => [k, v * 2])) };
});
