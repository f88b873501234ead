/** Business minutes as people say them: "45m", "2h 30m", "3d 4h" (a day being 24 hours of clock). */
export function formatMinutes(total: number): string {
  const minutes = Math.max(0, Math.round(total));
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  if (days) return hours ? `${days}d ${hours}h` : `${days}d`;
  if (hours) return rest ? `${hours}h ${rest}m` : `${hours}h`;
  return `${rest}m`;
}

/** Where a clock stands: met or breached once stopped; otherwise paused, overdue or running. */
export function clockState(clock: { stoppedAt: string | null; paused: boolean; breached: boolean }): 'met' | 'breached' | 'paused' | 'overdue' | 'running' {
  if (clock.stoppedAt) return clock.breached ? 'breached' : 'met';
  if (clock.breached) return 'overdue';
  return clock.paused ? 'paused' : 'running';
}
