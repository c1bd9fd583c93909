/**
 * The server's clock as this device sees it. Every API answer carries `X-Server-Time`; the offset is the server's
 * time minus the local time halfway through the request (the answer was stamped somewhere in between). SLA
 * countdowns and "today" read `serverNow()`, so a desk PC whose clock is wrong still shows the right time left,
 * and under the server's `CLOCK_CONTROL` the countdowns follow the moved clock.
 */
let offsetMs = 0;

export function noteServerTime(header: string | null, sentAt: number, receivedAt: number): void {
  if (!header) return;
  const serverMs = Number(header);
  if (!Number.isFinite(serverMs) || serverMs <= 0) return;
  offsetMs = serverMs - (sentAt + receivedAt) / 2;
}

/** Milliseconds since the epoch by the server's clock (the local clock until the first answer). */
export function serverNow(): number {
  return Date.now() + offsetMs;
}
