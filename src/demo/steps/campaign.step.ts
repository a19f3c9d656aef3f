import type { DemoStep } from '../demo-context';

/** Filled in by the campaign issue. */
export const campaignStep: DemoStep = () => Promise.resolve();
