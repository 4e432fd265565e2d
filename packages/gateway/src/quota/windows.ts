/** Fixed UTC windows shared by the memory and Redis limiters (ADR 0013). */

export interface Windows {
  minute: string;
  minuteResetMs: number;
  day: string;
  dayResetMs: number;
  month: string;
  monthResetMs: number;
}

export function windowsAt(now: number): Windows {
  const minuteStart = Math.floor(now / 60_000) * 60_000;
  const d = new Date(now);
  const dayStart = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
  const nextMonth = Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
  const month = `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
  return {
    minute: String(minuteStart / 60_000),
    minuteResetMs: minuteStart + 60_000 - now,
    day: new Date(dayStart).toISOString().slice(0, 10),
    dayResetMs: dayStart + 86_400_000 - now,
    month,
    monthResetMs: nextMonth - now,
  };
}

/** Budgets are stored as integer micro-dirhams so Redis INCRBY stays exact. */
export const toMicroMad = (mad: number): number => Math.round(mad * 1_000_000);
