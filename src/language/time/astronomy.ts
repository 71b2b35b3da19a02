/**
 * @module language/time/astronomy
 * Just enough astronomy to compute moving festivals honestly instead of typing in a table of years:
 * new and full moons (Meeus, "Astronomical Algorithms", 2nd ed., ch. 49), the Sun's apparent
 * longitude (ch. 25, low accuracy, ~0.01°), the Moon's longitude (ch. 47, the 59 main periodic
 * terms, ~0.003°), the Lahiri ayanamsa (sidereal zodiac of the Indian calendars), sunrise and
 * sunset (the usual declination / hour-angle method), and the instants at which the Moon-Sun
 * elongation or the sidereal Sun reach a given angle (tithis, sankrantis, nakshatras).
 *
 * Accuracy: phase instants within about 2 minutes of published values for 2024-2027; sidereal
 * longitudes within about 0.01° (≈15 minutes for a sankranti, ≈2 minutes for a tithi boundary).
 * Times are Julian Days in Universal Time unless a name says TT/JDE. Pure: no clock, no I/O.
 */

const RAD = Math.PI / 180;
const sin = (deg: number): number => Math.sin(deg * RAD);
const cos = (deg: number): number => Math.cos(deg * RAD);
/** An angle in [0, 360). */
export const norm360 = (deg: number): number => ((deg % 360) + 360) % 360;

/** Julian Day of a UT calendar instant (Gregorian). e.g. jd(2000, 1, 1.5) === 2451545 */
export function jd(year: number, month: number, day: number): number {
  let y = year, m = month;
  if (m <= 2) { y -= 1; m += 12; }
  const a = Math.floor(y / 100);
  const b = 2 - a + Math.floor(a / 4);
  return Math.floor(365.25 * (y + 4716)) + Math.floor(30.6001 * (m + 1)) + day + b - 1524.5;
}

/** Julian Day of a JavaScript instant. */
export const jdOfDate = (d: Date): number => d.getTime() / 86_400_000 + 2440587.5;
/** The JavaScript instant of a Julian Day. */
export const dateOfJd = (j: number): Date => new Date(Math.round((j - 2440587.5) * 86_400_000));

/** ΔT = TT − UT in seconds (Espenak & Meeus polynomial for 2005-2050; close enough for 1950-2100 here). */
export function deltaT(year: number): number {
  const t = year - 2000;
  return 62.92 + 0.32217 * t + 0.005589 * t * t;
}

const yearOfJd = (j: number): number => 2000 + (j - 2451545) / 365.25;
const ttOf = (jdUt: number): number => jdUt + deltaT(yearOfJd(jdUt)) / 86400;
const utOf = (jde: number): number => jde - deltaT(yearOfJd(jde)) / 86400;

// ------------------------------------------------------------------------------ phases (ch. 49)

type Phase = 'new' | 'full';

const NEW_TERMS: readonly [number, number, number, number, number, number][] = [
  // coefficient, E power, M, M', F, Ω   (argument = M·M + M'·M' + F·F + Ω·Ω)
  [-0.4072, 0, 0, 1, 0, 0], [0.17241, 1, 1, 0, 0, 0], [0.01608, 0, 0, 2, 0, 0], [0.01039, 0, 0, 0, 2, 0],
  [0.00739, 1, -1, 1, 0, 0], [-0.00514, 1, 1, 1, 0, 0], [0.00208, 2, 2, 0, 0, 0], [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0], [0.00056, 1, 1, 2, 0, 0], [-0.00042, 0, 0, 3, 0, 0], [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0], [-0.00024, 1, -1, 2, 0, 0], [-0.00017, 0, 0, 0, 0, 1], [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0], [0.00004, 0, 3, 0, 0, 0], [0.00003, 0, 1, 1, -2, 0], [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0], [0.00003, 0, -1, 1, 2, 0], [-0.00002, 0, -1, 1, -2, 0], [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];
const FULL_TERMS: readonly [number, number, number, number, number, number][] = [
  [-0.40614, 0, 0, 1, 0, 0], [0.17302, 1, 1, 0, 0, 0], [0.01614, 0, 0, 2, 0, 0], [0.01043, 0, 0, 0, 2, 0],
  [0.00734, 1, -1, 1, 0, 0], [-0.00515, 1, 1, 1, 0, 0], [0.00209, 2, 2, 0, 0, 0], [-0.00111, 0, 0, 1, -2, 0],
  [-0.00057, 0, 0, 1, 2, 0], [0.00056, 1, 1, 2, 0, 0], [-0.00042, 0, 0, 3, 0, 0], [0.00042, 1, 1, 0, 2, 0],
  [0.00038, 1, 1, 0, -2, 0], [-0.00024, 1, -1, 2, 0, 0], [-0.00017, 0, 0, 0, 0, 1], [-0.00007, 0, 2, 1, 0, 0],
  [0.00004, 0, 0, 2, -2, 0], [0.00004, 0, 3, 0, 0, 0], [0.00003, 0, 1, 1, -2, 0], [0.00003, 0, 0, 2, 2, 0],
  [-0.00003, 0, 1, 1, 2, 0], [0.00003, 0, -1, 1, 2, 0], [-0.00002, 0, -1, 1, -2, 0], [-0.00002, 0, 1, 3, 0, 0],
  [0.00002, 0, 0, 4, 0, 0],
];
// Planetary arguments A1..A14: [constant, k rate, coefficient]; A1 also has a T² term.
const PLANETARY: readonly [number, number, number][] = [
  [299.77, 0.107408, 0.000325], [251.88, 0.016321, 0.000165], [251.83, 26.651886, 0.000164], [349.42, 36.412478, 0.000126],
  [84.66, 18.206239, 0.00011], [141.74, 53.303771, 0.000062], [207.14, 2.453732, 0.00006], [154.84, 7.30686, 0.000056],
  [34.52, 27.261239, 0.000047], [207.19, 0.121824, 0.000042], [291.34, 1.844379, 0.00004], [161.72, 24.198154, 0.000037],
  [239.56, 25.513099, 0.000035], [331.55, 3.592518, 0.000023],
];

/** JDE (TT) of the new (k integer) or full (k + 0.5) moon of lunation k counted from January 2000. */
function phaseJde(k: number, phase: Phase): number {
  const T = k / 1236.85;
  const T2 = T * T, T3 = T2 * T, T4 = T3 * T;
  let jde = 2451550.09766 + 29.530588861 * k + 0.00015437 * T2 - 0.00000015 * T3 + 0.00000000073 * T4;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  const M = 2.5534 + 29.1053567 * k - 0.0000014 * T2 - 0.00000011 * T3;
  const Mp = 201.5643 + 385.81693528 * k + 0.0107582 * T2 + 0.00001238 * T3 - 0.000000058 * T4;
  const F = 160.7108 + 390.67050284 * k - 0.0016118 * T2 - 0.00000227 * T3 + 0.000000011 * T4;
  const Om = 124.7746 - 1.56375588 * k + 0.0020672 * T2 + 0.00000215 * T3;
  for (const [c, e, m, mp, f, om] of phase === 'new' ? NEW_TERMS : FULL_TERMS) {
    jde += c * (e === 0 ? 1 : e === 1 ? E : E * E) * sin(m * M + mp * Mp + f * F + om * Om);
  }
  PLANETARY.forEach(([a, r, c], i) => {
    jde += c * sin(a + r * k + (i === 0 ? -0.009173 * T2 : 0));
  });
  return jde;
}

/**
 * The new or full moons (UT Julian Days) between two UT Julian Days.
 * e.g. moonPhases('new', jd(2024, 4, 1), jd(2024, 4, 30)) → [≈ 8 Apr 2024 18:21 UT]
 */
export function moonPhases(phase: Phase, fromJd: number, toJd: number): number[] {
  const out: number[] = [];
  const k0 = Math.floor((yearOfJd(fromJd) - 2000) * 12.3685) - 1;
  for (let k = k0; ; k++) {
    const t = utOf(phaseJde(phase === 'new' ? k : k + 0.5, phase));
    if (t > toJd) break;
    if (t >= fromJd) out.push(t);
  }
  return out;
}

// ------------------------------------------------------------------------------ the Sun (ch. 25)

/** The Sun's apparent geocentric longitude (degrees, tropical, of date) at a TT Julian Day. */
export function sunLongitude(jde: number): number {
  const T = (jde - 2451545) / 36525;
  const L0 = 280.46646 + 36000.76983 * T + 0.0003032 * T * T;
  const M = 357.52911 + 35999.05029 * T - 0.0001537 * T * T;
  const C = (1.914602 - 0.004817 * T - 0.000014 * T * T) * sin(M) + (0.019993 - 0.000101 * T) * sin(2 * M) + 0.000289 * sin(3 * M);
  const omega = 125.04 - 1934.136 * T;
  return norm360(L0 + C - 0.00569 - 0.00478 * sin(omega));
}

// ------------------------------------------------------------------------------ the Moon (ch. 47)

// Periodic terms of the Moon's longitude (Table 47.A): D, M, M', F, coefficient (1e-6 degree).
const MOON_TERMS: readonly [number, number, number, number, number][] = [
  [0, 0, 1, 0, 6288774], [2, 0, -1, 0, 1274027], [2, 0, 0, 0, 658314], [0, 0, 2, 0, 213618], [0, 1, 0, 0, -185116],
  [0, 0, 0, 2, -114332], [2, 0, -2, 0, 58793], [2, -1, -1, 0, 57066], [2, 0, 1, 0, 53322], [2, -1, 0, 0, 45758],
  [0, 1, -1, 0, -40923], [1, 0, 0, 0, -34720], [0, 1, 1, 0, -30383], [2, 0, 0, -2, 15327], [0, 0, 1, 2, -12528],
  [0, 0, 1, -2, 10980], [4, 0, -1, 0, 10675], [0, 0, 3, 0, 10034], [4, 0, -2, 0, 8548], [2, 1, -1, 0, -7888],
  [2, 1, 0, 0, -6766], [1, 0, -1, 0, -5163], [1, 1, 0, 0, 4987], [2, -1, 1, 0, 4036], [2, 0, 2, 0, 3994],
  [4, 0, 0, 0, 3861], [2, 0, -3, 0, 3665], [0, 1, -2, 0, -2689], [2, 0, -1, 2, -2602], [2, -1, -2, 0, 2390],
  [1, 0, 1, 0, -2348], [2, -2, 0, 0, 2236], [0, 1, 2, 0, -2120], [0, 2, 0, 0, -2069], [2, -2, -1, 0, 2048],
  [2, 0, 1, -2, -1773], [2, 0, 0, 2, -1595], [4, -1, -1, 0, 1215], [0, 0, 2, 2, -1110], [3, 0, -1, 0, -892],
  [2, 1, 1, 0, -810], [4, -1, -2, 0, 759], [0, 2, -1, 0, -713], [2, 2, -1, 0, -700], [2, 1, -2, 0, 691],
  [2, -1, 0, -2, 596], [4, 0, 1, 0, 549], [0, 0, 4, 0, 537], [4, -1, 0, 0, 520], [1, 0, -2, 0, -487],
  [2, 1, 0, -2, -399], [0, 0, 2, -2, -381], [1, 1, 1, 0, 351], [3, 0, -2, 0, -340], [4, 0, -3, 0, 330],
  [2, -1, 2, 0, 327], [0, 2, 1, 0, -323], [1, 1, -1, 0, 299], [2, 0, 3, 0, 294],
];

/** The Moon's apparent geocentric longitude (degrees, tropical, of date) at a TT Julian Day. */
export function moonLongitude(jde: number): number {
  const T = (jde - 2451545) / 36525;
  const T2 = T * T, T3 = T2 * T, T4 = T3 * T;
  const Lp = 218.3164477 + 481267.88123421 * T - 0.0015786 * T2 + T3 / 538841 - T4 / 65194000;
  const D = 297.8501921 + 445267.1114034 * T - 0.0018819 * T2 + T3 / 545868 - T4 / 113065000;
  const M = 357.5291092 + 35999.0502909 * T - 0.0001536 * T2 + T3 / 24490000;
  const Mp = 134.9633964 + 477198.8675055 * T + 0.0087414 * T2 + T3 / 69699 - T4 / 14712000;
  const F = 93.272095 + 483202.0175233 * T - 0.0036539 * T2 - T3 / 3526000 + T4 / 863310000;
  const A1 = 119.75 + 131.849 * T, A2 = 53.09 + 479264.29 * T;
  const E = 1 - 0.002516 * T - 0.0000074 * T2;
  let sl = 0;
  for (const [d, m, mp, f, c] of MOON_TERMS) {
    const e = m === 0 ? 1 : Math.abs(m) === 1 ? E : E * E;
    sl += c * e * sin(d * D + m * M + mp * Mp + f * F);
  }
  sl += 3958 * sin(A1) + 1962 * sin(Lp - F) + 318 * sin(A2);
  const omega = 125.04452 - 1934.136261 * T;
  // Nutation in longitude (main term), so that Moon and apparent Sun are on the same footing.
  return norm360(Lp + sl / 1e6 - 0.004778 * sin(omega));
}

/** The Moon's elongation from the Sun (0 = new moon, 180 = full) at a UT Julian Day. */
export function elongation(jdUt: number): number {
  const t = ttOf(jdUt);
  return norm360(moonLongitude(t) - sunLongitude(t));
}

// ------------------------------------------------------------------------------ sidereal zodiac

/** The Lahiri (Chitrapaksha) ayanamsa in degrees at a UT Julian Day (≈ 24.2° in 2025). */
export function ayanamsa(jdUt: number): number {
  const years = (jdUt - 2451545) / 365.25;
  return 23.85711 + (50.2788 / 3600) * years + 0.000111 * (years / 100) ** 2;
}

/** The Sun's sidereal (Lahiri) longitude at a UT Julian Day. */
export const siderealSun = (jdUt: number): number => norm360(sunLongitude(ttOf(jdUt)) - ayanamsa(jdUt));
/** The Moon's sidereal (Lahiri) longitude at a UT Julian Day. */
export const siderealMoon = (jdUt: number): number => norm360(moonLongitude(ttOf(jdUt)) - ayanamsa(jdUt));

/**
 * The instant (UT JD) near `guess` at which an angle function reaches `target`, by secant steps on the
 * wrapped difference. The function must increase through the target near the guess (all ours do).
 */
export function solveAngle(f: (j: number) => number, target: number, guess: number, ratePerDay: number): number {
  let t = guess;
  for (let i = 0; i < 30; i++) {
    const diff = ((f(t) - target + 540) % 360) - 180; // in (-180, 180]
    if (Math.abs(diff) < 1e-6) break;
    t -= diff / ratePerDay;
  }
  return t;
}

/** The instant (UT JD) after `fromJd` at which the sidereal Sun enters `degree` (a sankranti at multiples of 30). */
export function sunEnters(degree: number, fromJd: number): number {
  const now = siderealSun(fromJd);
  const ahead = norm360(degree - now);
  return solveAngle(siderealSun, degree, fromJd + ahead / 0.9856, 0.9856);
}

/** The instant (UT JD) near `guess` at which the elongation reaches `degree` (tithi boundaries at multiples of 12). */
export const elongationReaches = (degree: number, guess: number): number => solveAngle(elongation, degree, guess, 12.19);

// ------------------------------------------------------------------------------ the day

export interface Place { lat: number; lon: number; /** Offset of local civil time from UT, hours. */ utcOffset: number }

/** New Delhi, the reference place of most published Indian calendars. */
export const NEW_DELHI: Place = { lat: 28.6139, lon: 77.209, utcOffset: 5.5 };

/**
 * Sunrise and sunset (UT JD) on a local civil date at a place, with the standard −0.833° altitude.
 * e.g. sunTimes(2025, 3, 14, NEW_DELHI).set → about 12:57 UT (18:27 IST)
 */
export function sunTimes(year: number, month: number, day: number, p: Place): { rise: number; set: number } {
  const noonUt = jd(year, month, day) + 0.5 - p.lon / 360;
  let rise = noonUt - 0.25, set = noonUt + 0.25;
  for (let i = 0; i < 3; i++) {
    rise = event(rise, -1);
    set = event(set, 1);
  }
  return { rise, set };

  function event(guess: number, sign: 1 | -1): number {
    const t = ttOf(guess);
    const T = (t - 2451545) / 36525;
    const lambda = sunLongitude(t);
    const eps = 23.439291 - 0.0130042 * T;
    const dec = Math.asin(sin(eps) * sin(lambda)) / RAD;
    const ra = norm360(Math.atan2(cos(eps) * sin(lambda), cos(lambda)) / RAD);
    const L0 = norm360(280.46646 + 36000.76983 * T);
    const eqTime = ((((L0 - 0.0057183 - ra + 540) % 360) - 180) * 4) / 1440; // days
    const cosH = (sin(-0.833) - sin(p.lat) * sin(dec)) / (cos(p.lat) * cos(dec));
    const H = Math.acos(Math.max(-1, Math.min(1, cosH))) / RAD;
    const transit = jd(year, month, day) + 0.5 - p.lon / 360 - eqTime;
    return transit + (sign * H) / 360;
  }
}
