import { dayjs } from '../../lib/time';

/** The Asia/Shanghai calendar date `YYYY-MM-DD` of an instant. */
export const shanghaiDate = (d: Date): string => dayjs(d).utcOffset(480).format('YYYY-MM-DD');
