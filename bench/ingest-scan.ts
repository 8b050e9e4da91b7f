/*
 * The cheapest honest decode of a stream frame for the simulated agents: find the benchmark
 * messages by their text in the frame's bytes, without JSON.parse. A real agent's decode runs on
 * its own machine; two hundred of them parsing in one process on the server's two cores would
 * measure the benchmark, not the server (bench/README.md).
 */

/** How the server serialises a benchmark message's text: `{ …, "body":"bench 42", … }`. */
const BODY = Buffer.from('"body":"bench ');
const RESYNC = Buffer.from('"type":"resync"');
const REASON = Buffer.from('"reason":"');
const QUOTE = 0x22;
const ZERO = 0x30;
const NINE = 0x39;

/** Calls `found` with the sequence number of every benchmark message in the frame. */
export function scanBenchMessages(frame: Buffer, found: (n: number) => void): void {
  let at = frame.indexOf(BODY);
  while (at !== -1) {
    let i = at + BODY.length;
    let n = 0;
    let digits = 0;
    for (let c = frame[i]; c !== undefined && c >= ZERO && c <= NINE; c = frame[++i]) {
      n = n * 10 + (c - ZERO);
      digits += 1;
    }
    // Only a whole text "bench <digits>" counts; "bench 42 and more" is someone else's message.
    if (digits > 0 && frame[i] === QUOTE) found(n);
    at = frame.indexOf(BODY, i);
  }
}

/** The reasons of the resync events in the frame (`connected`, `lagging`, `scope-changed`). */
export function scanResyncs(frame: Buffer): string[] {
  const reasons: string[] = [];
  let at = frame.indexOf(RESYNC);
  while (at !== -1) {
    const start = frame.indexOf(REASON, at);
    if (start === -1) break;
    const from = start + REASON.length;
    const end = frame.indexOf(QUOTE, from);
    if (end === -1) break;
    reasons.push(frame.toString('latin1', from, end));
    at = frame.indexOf(RESYNC, end);
  }
  return reasons;
}
