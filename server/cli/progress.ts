/**
 * A progress bar on stderr that appears only once a run has taken more than a second. On a
 * terminal it redraws one line; otherwise it prints a line at every quarter.
 */
export interface Progress {
  update(fraction: number): void;
  done(): void;
}

export function progressBar(label: string, stream: NodeJS.WriteStream = process.stderr, delayMs = 1000): Progress {
  const start = performance.now();
  let shown = false;
  let lastQuarter = 0;
  let lastDraw = 0;
  const tty = Boolean(stream.isTTY);
  return {
    update(fraction: number) {
      const now = performance.now();
      const elapsed = now - start;
      if (elapsed < delayMs) return;
      const f = Math.min(1, Math.max(0, fraction));
      const eta = f > 0 ? ((elapsed / f) * (1 - f)) / 1000 : Number.NaN;
      if (tty) {
        if (shown && now - lastDraw < 100 && f < 1) return;
        const width = 30;
        const filled = Math.round(f * width);
        stream.write(
          `\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(f * 100).toFixed(0).padStart(3)}%  ${Number.isFinite(eta) ? `${eta.toFixed(1)} s left` : ''}   `,
        );
        lastDraw = now;
        shown = true;
      } else {
        const quarter = Math.floor(f * 4);
        if (quarter > lastQuarter || !shown) {
          stream.write(`${label}: ${(f * 100).toFixed(0)}% after ${(elapsed / 1000).toFixed(1)} s\n`);
          lastQuarter = quarter;
          shown = true;
        }
      }
    },
    done() {
      if (shown && tty) stream.write('\n');
    },
  };
}
