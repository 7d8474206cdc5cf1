/**
 * Setup file of the unit tests (vitest.config.ts): after each test file, remove the temp
 * folders its tests made (tempFolder, fixtureCopy). It runs in the test file's module graph, so it sees the same
 * helpers module the tests used.
 */
import { afterAll } from 'vitest';
import { removeTempFolders } from './helpers.ts';

afterAll(removeTempFolders);
