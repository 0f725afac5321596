import { haversineMeters, VISIT_DEFAULTS, type VisitFlag, type VisitSettings, type VisitStatus } from '@scrm/shared';

export { haversineMeters };

export interface LatLng {
  latitude: number;
  longitude: number;
}

/** The corp's visit settings (`corps.settings.visits`) with defaults filled in. */
export function visitSettingsOf(raw: unknown): VisitSettings {
  const v = (raw && typeof raw === 'object' ? raw : {}) as Partial<VisitSettings>;
  const int = (x: unknown, d: number) => (typeof x === 'number' && Number.isInteger(x) && x >= 0 ? x : d);
  return {
    radiusMeters: int(v.radiusMeters, VISIT_DEFAULTS.radiusMeters),
    windowGraceMinutes: int(v.windowGraceMinutes, VISIT_DEFAULTS.windowGraceMinutes),
    reminderMinutesBefore: int(v.reminderMinutesBefore, VISIT_DEFAULTS.reminderMinutesBefore),
  };
}

export interface PositionCheck {
  distanceMeters: number | null;
  flags: VisitFlag[];
}

/**
 * Flags for a check-in/out position: no position → `location_missing`; a customer without
 * coordinates → `customer_location_unknown` (nothing to measure against, not a fault of the rep);
 * farther than the radius → `out_of_range`.
 */
export function checkPosition(position: LatLng | null, customer: LatLng | null, settings: VisitSettings): PositionCheck {
  if (!position) return { distanceMeters: null, flags: ['location_missing'] };
  if (!customer) return { distanceMeters: null, flags: ['customer_location_unknown'] };
  const distanceMeters = Math.round(haversineMeters(position, customer));
  return { distanceMeters, flags: distanceMeters > settings.radiusMeters ? ['out_of_range'] : [] };
}

/** True when `at` falls outside [start − grace, end + grace]. */
export function outsideWindow(at: Date, start: Date, end: Date, settings: VisitSettings): boolean {
  const grace = settings.windowGraceMinutes * 60_000;
  return at.getTime() < start.getTime() - grace || at.getTime() > end.getTime() + grace;
}

/** The status a client sees: a planned visit whose window (plus grace) has passed is `missed`. */
export function effectiveStatus(
  stored: 'planned' | 'in_progress' | 'done' | 'cancelled',
  plannedEnd: Date,
  now: Date,
  settings: VisitSettings,
): VisitStatus {
  if (stored === 'planned' && now.getTime() > plannedEnd.getTime() + settings.windowGraceMinutes * 60_000) return 'missed';
  return stored;
}
