import type { DemoStep } from '../demo-context';

/** Filled in by the letters issue. */
export const lettersStep: DemoStep = () => Promise.resolve();
