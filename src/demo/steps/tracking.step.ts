import type { DemoStep } from '../demo-context';

/** Filled in by the tracking issue. */
export const trackingStep: DemoStep = () => Promise.resolve();
