// Mission time as people read it: T-minus before lift-off, T-plus after, hh:mm:ss.

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "T-00:00:10" / "T+00:02:30". Whole seconds floor toward minus infinity, so the countdown shows
 * T-00:00:01 until the very instant of lift-off and T+00:00:00 for the first second after it.
 */
export function formatMissionClock(ms: number): string {
  if (!Number.isFinite(ms)) return 'T+--:--:--';
  const s = Math.floor(ms / 1000);
  const sign = s < 0 ? '-' : '+';
  const a = Math.abs(s);
  return `T${sign}${pad2(Math.floor(a / 3600))}:${pad2(Math.floor((a % 3600) / 60))}:${pad2(a % 60)}`;
}

/** A compact label for axis ticks and log lines: "T+2:30", "T-0:10", "T+1:02:03", with tenths if asked. */
export function formatShortTime(ms: number, tenths = false): string {
  if (!Number.isFinite(ms)) return '—';
  const sign = ms < 0 ? '-' : '+';
  const abs = Math.abs(ms);
  const whole = Math.floor(abs / 1000);
  const h = Math.floor(whole / 3600);
  const m = Math.floor((whole % 3600) / 60);
  const sec = whole % 60;
  const frac = tenths ? `.${Math.floor((abs % 1000) / 100)}` : '';
  return h > 0 ? `T${sign}${h}:${pad2(m)}:${pad2(sec)}${frac}` : `T${sign}${m}:${pad2(sec)}${frac}`;
}
