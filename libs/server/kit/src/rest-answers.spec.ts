import 'reflect-metadata';
import type { FastifyReply } from 'fastify';
import { XLSX_CONTENT_TYPE } from '@danvan/core';
import { answerWorkbook } from './exports/workbook-answer.js';
import { versionedRead } from './versioned-writes/versioned-rest.js';

/** A reply that records the headers set on it. */
function recordingReply(): FastifyReply & { sent: Record<string, string> } {
  const sent: Record<string, string> = {};
  const reply = {
    sent,
    header(name: string, value: string) {
      sent[name.toLowerCase()] = value;
      return reply;
    },
    headers(values: Record<string, string>) {
      for (const [name, value] of Object.entries(values)) sent[name.toLowerCase()] = value;
      return reply;
    },
  };
  return reply as unknown as FastifyReply & { sent: Record<string, string> };
}

describe('REST answers of the kit', () => {
  it('versionedRead answers the view in its REST shape with its ETag', async () => {
    const reply = recordingReply();
    const answer = await versionedRead(reply, Promise.resolve({ id: 'a', version: 7, path: '/x/' }), ({ path: _path, ...rest }) => rest);
    expect(answer).toEqual({ id: 'a', version: 7 });
    expect(reply.sent.etag).toBe('"7"');
  });

  it('versionedRead sets no ETag when the read fails', async () => {
    const reply = recordingReply();
    await expect(versionedRead(reply, Promise.reject(new Error('missing')))).rejects.toThrow('missing');
    expect(reply.sent).toEqual({});
  });

  it('answerWorkbook names the file after the day in Vietnam of the instant it rendered at', async () => {
    const reply = recordingReply();
    let renderedAt: Date | undefined;
    const workbook = await answerWorkbook(reply, 'don-vi', async (now) => {
      renderedAt = now;
      return Buffer.from('xlsx');
    });
    expect(workbook.toString()).toBe('xlsx');
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(renderedAt);
    expect(reply.sent['content-type']).toBe(XLSX_CONTENT_TYPE);
    expect(reply.sent['content-disposition']).toBe(`attachment; filename="don-vi-${day}.xlsx"`);
  });
});
