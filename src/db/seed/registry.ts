import { seedDossierDemo } from '../../modules/dossiers/demo/seed-dossiers.ts';
import { seedFeedbackDemo } from '../../modules/feedback/demo/feedback-demo.ts';
import { seedReformIndexDemo } from '../../modules/reform-index/reform-index.seed.ts';
import type { Deps } from '../../platform/http/types.ts';

/**
 * Demo data of each module, run in this order after the organisation and accounts exist.
 * A module adds one line here.
 */
export const demoSeeders: ((deps: Deps) => Promise<void>)[] = [];
demoSeeders.push(seedReformIndexDemo);
// dossiers first: the reform-index demo computes criteria from the dossier metrics
demoSeeders.unshift(seedDossierDemo);
// feedback before the reform index, which scores a criterion from feedback.answeredOnTimeRate
demoSeeders.unshift(seedFeedbackDemo);
