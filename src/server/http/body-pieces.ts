/**
 * A large JSON body read as text in pieces while it arrives (the import's 20 MB export).
 * Fastify's string parser keeps every chunk and, at the end, joins them into one Buffer and
 * decodes that into one string: two copies of the whole body into fresh memory in one go,
 * which held the event loop for ~160 ms. Here each chunk is decoded as it comes, and small
 * pieces are joined only up to `bodyPieceChars`, so no step touches more than that at once.
 */
import type { IncomingMessage } from 'node:http';
import { StringDecoder } from 'node:string_decoder';
import { errorCodes } from 'fastify';
import { PiecedText } from '../../engine/pieced-text';

/** Characters per piece of a body read in pieces (about 1 MB: a few milliseconds to join). */
export const bodyPieceChars = 1024 * 1024;

/**
 * The body as a `PiecedText`, refused as Fastify refuses one (its error codes, so the
 * server's error handler answers 413 or 400 the same way) when it is over `limitBytes`
 * or shorter or longer than its `content-length`.
 */
export function readBodyPieces(
  payload: IncomingMessage,
  limitBytes: number,
  pieceChars: number = bodyPieceChars,
): Promise<PiecedText> {
  const declared = Number(payload.headers['content-length']);
  if (declared > limitBytes) return Promise.reject(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
  return new Promise((resolve, reject) => {
    const decoder = new StringDecoder('utf8');
    const pieces: string[] = [];
    let pending: string[] = [];
    let pendingChars = 0;
    let receivedBytes = 0;
    const keep = (text: string) => {
      pending.push(text);
      pendingChars += text.length;
      if (pendingChars < pieceChars) return;
      pieces.push(pending.join(''));
      pending = [];
      pendingChars = 0;
    };
    const stop = () => {
      payload.removeListener('data', onData);
      payload.removeListener('end', onEnd);
      payload.removeListener('error', onError);
    };
    const onData = (chunk: Buffer | string) => {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      receivedBytes += bytes.length;
      if (receivedBytes > limitBytes) {
        stop();
        reject(new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE());
        return;
      }
      keep(decoder.write(bytes));
    };
    const onEnd = () => {
      stop();
      if (!Number.isNaN(declared) && receivedBytes !== declared) {
        reject(new errorCodes.FST_ERR_CTP_INVALID_CONTENT_LENGTH());
        return;
      }
      pending.push(decoder.end());
      resolve(new PiecedText([...pieces, pending.join('')]));
    };
    const onError = (error: Error & { statusCode?: number }) => {
      stop();
      if (!(typeof error.statusCode === 'number' && error.statusCode >= 400))
        error.statusCode = 400;
      reject(error);
    };
    payload.on('data', onData);
    payload.on('end', onEnd);
    payload.on('error', onError);
    payload.resume();
  });
}
