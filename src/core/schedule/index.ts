// Public surface of scheduling helpers that need no scheduler.
export { isValidCronExpression } from "./parse-cron";
