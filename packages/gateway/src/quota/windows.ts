/** Fixed UTC windows shared by the memory and Redis limiters (ADR 0013). */

export interface Windows {
  minute: string;
  minuteResetMs: number;
  day: string;
  dayResetMs: number;
  month: string;
  monthResetMs: number;
}

let cachedDayNumber = -1;
let cached = { day: '', dayStart: 0, month: '', nextMonth: 0 };

export function windowsAt(now: number): Windows {
  const minuteStart = now - (now % 60_000);
  const dayNumber = Math.floor(now / 86_400_000);
  // Day and month labels change once a day: recompute them only then (this runs on every request).
  if (dayNumber !== cachedDayNumber) {
    const d = new Date(now);
    const dayStart = dayNumber * 86_400_000;
    cached = {
      day: new Date(dayStart).toISOString().slice(0, 10),
      dayStart,
      month: `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`,
      nextMonth: Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1),
    };
    cachedDayNumber = dayNumber;
  }
  return {
    minute: String(minuteStart / 60_000),
    minuteResetMs: minuteStart + 60_000 - now,
    day: cached.day,
    dayResetMs: cached.dayStart + 86_400_000 - now,
    month: cached.month,
    monthResetMs: cached.nextMonth - now,
  };
}

/** Budgets are stored as integer micro-dirhams so Redis INCRBY stays exact. */
export const toMicroMad = (mad: number): number => Math.round(mad * 1_000_000);
