// The timed e2e checks of scripts/bench (e2e/bench/), on the same server and browser as the test command's, one
// worker so that nothing else runs beside the measurement.
import { defineConfig } from '@playwright/test';
import base from './playwright.config';

export default defineConfig({ ...base, testDir: './bench', workers: 1 });
