import type { DemoStep } from '../demo-context';

/** Filled in by the imports issue. */
export const importsStep: DemoStep = () => Promise.resolve();
