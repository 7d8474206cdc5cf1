/** Verifying a built site: the pages records must produce, and a link check over the HTML. */
export { expectedPages, routeFamilies, type ExpectedPage, type RouteFamily } from './expected-pages.ts';
export { readPage, type PageFacts, type PageLink } from './html.ts';
export { countPages, formatBuildProblem, listDist, pageUrl, verifyDist, type BuildProblem, type VerifyOptions, type VerifyResult } from './verify.ts';
