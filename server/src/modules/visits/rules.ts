import { VISIT_DEFAULTS, type VisitFlag, type VisitSettings, type VisitStatus } from '@scrm/shared';

const EARTH_RADIUS_M = 6_371_008.8;

export interface LatLng {
  latitude: number;
  longitude: number;
}

/**
 * Great-circle distance in metres (haversine). Both points must be in the same datum; the phone
 * reports gcj02 and customers' coordinates are stored in gcj02, so no conversion is needed.
 */
export function haversineMeters(a: LatLng, b: LatLng): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.latitude - a.latitude);
  const dLng = rad(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.latitude)) * Math.cos(rad(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
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
