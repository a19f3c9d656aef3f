import type { DemoStep } from '../demo-context';

/** Filled in by the hotline issue. */
export const hotlineStep: DemoStep = () => Promise.resolve();
