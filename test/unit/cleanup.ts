/**
 * Setup file of the unit tests (vitest.config.ts): after each test file, remove the fixture
 * copies its tests made. It runs in the test file's module graph, so it sees the same
 * helpers module the tests used.
 */
import { afterAll } from 'vitest';
import { removeFixtureCopies } from './helpers.ts';

afterAll(removeFixtureCopies);
