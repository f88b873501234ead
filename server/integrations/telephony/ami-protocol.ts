/**
 * The Asterisk Manager Interface wire format: a greeting line (`Asterisk Call Manager/5.0.1`), then
 * messages of `Key: Value` lines ended by a blank line, lines ended by CRLF (LF accepted).
 */

/** One AMI message: an event (`Event`), a response (`Response`), keys as Asterisk spells them. */
export type AmiMessage = Record<string, string>;

/** A line without a newline this long is not AMI: drop it rather than buffer forever. */
const MAX_LINE = 64 * 1024;

/**
 * Turns a stream of text chunks, split anywhere, into whole messages. Lines that are not `Key: Value`
 * are reported to `onBadLine` and skipped; they never end the connection.
 */
export class AmiParser {
  private buffer = '';
  private current: AmiMessage = {};
  private lines = 0;
  private greeted = false;

  constructor(
    private readonly onMessage: (message: AmiMessage) => void,
    private readonly onGreeting: (greeting: string) => void = () => undefined,
    private readonly onBadLine: (line: string) => void = () => undefined,
  ) {}

  push(chunk: string): void {
    this.buffer += chunk;
    let end: number;
    while ((end = this.buffer.indexOf('\n')) !== -1) {
      const line = this.buffer.slice(0, end).replace(/\r$/, '');
      this.buffer = this.buffer.slice(end + 1);
      this.line(line);
    }
    if (this.buffer.length > MAX_LINE) {
      this.onBadLine(`${this.buffer.slice(0, 80)}… (${this.buffer.length} characters without a line end)`);
      this.buffer = '';
    }
  }

  /** Forgets a half-received message (the connection dropped). */
  reset(): void {
    this.buffer = '';
    this.current = {};
    this.lines = 0;
    this.greeted = false;
  }

  private line(line: string): void {
    if (line === '') {
      if (this.lines > 0) this.onMessage(this.current);
      this.current = {};
      this.lines = 0;
      return;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) {
      // The greeting is the first line of a connection and the only one without a key.
      if (!this.greeted && this.lines === 0 && /^Asterisk Call Manager\//i.test(line)) {
        this.greeted = true;
        this.onGreeting(line);
      } else this.onBadLine(line);
      return;
    }
    this.greeted = true;
    this.current[line.slice(0, colon).trim()] = line.slice(colon + 1).trim();
    this.lines += 1;
  }
}

/** An AMI action as sent on the wire. */
export function formatAction(fields: Record<string, string>): string {
  return `${Object.entries(fields)
    .map(([key, value]) => `${key}: ${value.replace(/[\r\n]/g, ' ')}\r\n`)
    .join('')}\r\n`;
}
