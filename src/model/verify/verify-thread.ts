/**
 * A worker thread of the build verifier (verify.ts checkPagesInThreads): checks one run of
 * pages and sends back what it found. It also starts inside a plain `astro build` process,
 * where Node strips the types itself: verify.ts and what it imports are erasable TypeScript
 * (no enums, no parameter properties).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { checkPages, pageContext, type PageJob, type SharedInput } from './verify.ts';

const { pages, shared } = workerData as { pages: PageJob[]; shared: SharedInput };
parentPort!.postMessage(checkPages(pages, pageContext(shared)));
