// Writes JSON answers and Status errors.
import type { ServerResponse } from 'node:http';
import { ApiError } from './errors.ts';

export function sendJson(out: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  sendJsonText(out, status, JSON.stringify(body), headers);
}

/** For bodies already serialised (cached object JSON). */
export function sendJsonText(out: ServerResponse, status: number, text: string, headers: Record<string, string> = {}): void {
  out.writeHead(status, {
    'Content-Type': 'application/json',
    'Content-Length': Buffer.byteLength(text),
    'Cache-Control': 'no-cache, private',
    ...headers,
  });
  out.end(text);
}

export function sendText(out: ServerResponse, status: number, text: string): void {
  out.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  out.end(text);
}

export function sendError(out: ServerResponse, err: ApiError): void {
  if (out.headersSent) {
    out.destroy();
    return;
  }
  sendJson(out, err.code, err.toStatus(), err.headers);
}
