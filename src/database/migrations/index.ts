import { Initial1795512665937 } from './1795512665937-initial';
import { IncidentEnglishTexts1795515600000 } from './1795515600000-incident-english-texts';
import { LetterUpdatedAt1796000000000 } from './1796000000000-letter-updated-at';
import { StaffSignIn1796100000000 } from './1796100000000-staff-sign-in';
import { CampaignWaves1796200000000 } from './1796200000000-campaign-waves';
import { PrintBatches1796300000000 } from './1796300000000-print-batches';
import { BreachRegister1796400000000 } from './1796400000000-breach-register';
import { HotlineAlerts1796700000000 } from './1796700000000-hotline-alerts';
import { SealedPersonalData1796800000000 } from './1796800000000-sealed-personal-data';
import { IncidentRetention1796850000000 } from './1796850000000-incident-retention';
import { CampaignAutoResume1796900000000 } from './1796900000000-campaign-auto-resume';

/** Every migration, in order. Add new ones at the end (timestamp-prefixed file names), one per line. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export const MIGRATIONS: Function[] = [
  Initial1795512665937,
  IncidentEnglishTexts1795515600000,
  LetterUpdatedAt1796000000000,
  StaffSignIn1796100000000,
  CampaignWaves1796200000000,
  PrintBatches1796300000000,
  BreachRegister1796400000000,
  HotlineAlerts1796700000000,
  SealedPersonalData1796800000000,
  IncidentRetention1796850000000,
  CampaignAutoResume1796900000000,
];
