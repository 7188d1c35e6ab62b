import { message } from './message';
import { timeFormatting, type TimeFormatting } from './time-format';

export { type FactTime, isTimeZone, localDay } from './time-format';

/** The shared time formatting (time-format.ts, which the console bundles too), with the server's catalogues. */
const server: TimeFormatting = timeFormatting(message);

export const formatDate: TimeFormatting['formatDate'] = server.formatDate;
export const formatDateTime: TimeFormatting['formatDateTime'] = server.formatDateTime;
export const formatCalendarPeriod: TimeFormatting['formatCalendarPeriod'] = server.formatCalendarPeriod;
export const formatFactTime: TimeFormatting['formatFactTime'] = server.formatFactTime;
