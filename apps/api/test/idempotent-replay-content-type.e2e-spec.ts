import 'reflect-metadata';
import { Controller, Header, HttpCode, Module, Post, Res, UseInterceptors } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Database } from '@danvan/database';
import { IdempotencyInterceptor } from '@danvan/identity';
import { MIGRATIONS } from '@danvan/server-app';

/**
 * Byte-exact replays (issue 8, item 11): a replay must send what the first answer sent, the
 * Content-Type included, whatever the handler returns. No route returns a string or a Buffer from a POST
 * today, so a small app with the real interceptor and database stands in for one.
 */
@Controller('t')
@UseInterceptors(IdempotencyInterceptor)
class ReplayController {
  @Post('text')
  @HttpCode(200)
  text(): string {
    return 'đã nhận';
  }

  @Post('csv')
  @HttpCode(200)
  @Header('content-type', 'text/csv; charset=utf-8')
  csv(): Buffer {
    return Buffer.from('a;b\n1;2\n', 'utf8');
  }

  /** A POST that answers 200 when nothing new was made (the status set by the handler, not declared). */
  @Post('status')
  status(@Res({ passthrough: true }) reply: FastifyReply): { created: boolean } {
    void reply.status(200);
    return { created: false };
  }
}

describe('idempotent replay keeps the first answer’s Content-Type', () => {
  let database: Database;
  let app: NestFastifyApplication;
  let base: string;
  beforeAll(async () => {
    database = await Database.open({ target: { kind: 'embedded', location: { kind: 'memory' } }, migrations: MIGRATIONS });
    await database.migrate();
    @Module({ controllers: [ReplayController], providers: [{ provide: Database, useValue: database }, IdempotencyInterceptor] })
    class TestModule {}
    app = await NestFactory.create<NestFastifyApplication>(TestModule, new FastifyAdapter(), { logger: false });
    await app.listen({ port: 0, host: '127.0.0.1' });
    const address = app.getHttpServer().address();
    base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it.each(['text', 'csv', 'status'])('a handler answering %s: the replay has the same status, bytes and Content-Type', async (route) => {
    const send = () =>
      fetch(`${base}/t/${route}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': `k-${route}` },
        body: '{}',
      });
    const first = await send();
    const firstBody = Buffer.from(await first.arrayBuffer());
    const replay = await send();
    const replayBody = Buffer.from(await replay.arrayBuffer());
    // Every handler here answers 200 (declared or set on the reply): a replay falling back to POST's 201 would differ.
    expect(first.status).toBe(200);
    expect(replay.headers.get('idempotent-replayed')).toBe('true');
    expect(replay.status).toBe(first.status);
    expect(replayBody.equals(firstBody)).toBe(true);
    expect(replay.headers.get('content-type')).toBe(first.headers.get('content-type'));
  });
});
