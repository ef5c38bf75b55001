export { runSoak, type SoakReport } from './run-soak.ts';
export { SHORT_DAY, FULL_DAY, type SoakOptions } from './soak-options.ts';
export { checkDay, expectedEventIds, type CheckResult, type DayObservations } from './checks.ts';
export { summaryTable } from './summary-table.ts';
export { runSoakCommand, SOAK_USAGE } from './soak-command.ts';
