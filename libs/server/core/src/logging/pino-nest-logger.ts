import type { LoggerService } from '@nestjs/common';
import type { Logger } from 'pino';

/** Routes Nest's own log lines into the application's pino logger (one structured log). */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly pino: Logger) {}

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace', message: unknown, params: unknown[]): void {
    // Nest appends the logger's context as the last parameter: `warn({ account }, 'locked', 'Auth')`.
    const context = params.length ? params[params.length - 1] : undefined;
    const ctx = typeof context === 'string' ? { context } : {};
    if (typeof message === 'object' && message !== null) {
      const text = params.length > 1 && typeof params[0] === 'string' ? params[0] : undefined;
      this.pino[level]({ ...ctx, ...message }, text);
    } else this.pino[level](ctx, String(message));
  }

  log(message: unknown, ...params: unknown[]): void {
    this.write('info', message, params);
  }
  error(message: unknown, ...params: unknown[]): void {
    this.write('error', message, params);
  }
  warn(message: unknown, ...params: unknown[]): void {
    this.write('warn', message, params);
  }
  debug(message: unknown, ...params: unknown[]): void {
    this.write('debug', message, params);
  }
  verbose(message: unknown, ...params: unknown[]): void {
    this.write('trace', message, params);
  }
}
