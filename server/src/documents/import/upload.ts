import { DOCX_MEDIA_TYPE, IMPORT_LIMITS } from '@omnibus/shared';
import type { Request } from 'express';
import { AppError } from '../../common/app-error';

export interface Upload {
  kind: 'text' | 'docx';
  data: Buffer;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const bad = (message: string) => new AppError('validation_failed', message, { issues: [{ path: 'body', message }] });

async function readBody(req: Request, limit: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) {
      req.resume();
      throw new AppError('payload_too_large', `The document is larger than the ${limit / 1024 / 1024} MB an import accepts.`);
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The document of an import is the request body itself: plain text (UTF-8) or a .docx file, told
 * apart by Content-Type, or by the ZIP signature every .docx starts with when the type is generic.
 */
export async function readUpload(req: Request): Promise<Upload> {
  const type = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (type === 'application/json') {
    throw bad('Send the document itself as the request body, with Content-Type text/plain for text or the .docx media type for Word, not JSON.');
  }
  const data = await readBody(req, IMPORT_LIMITS.bytes);
  if (data.length === 0) throw bad('The request body is empty: send the text, or the .docx file, to import.');
  const looksLikeZip = data.subarray(0, 4).equals(ZIP_MAGIC);
  if (type === DOCX_MEDIA_TYPE || ((type === 'application/octet-stream' || type === '') && looksLikeZip)) return { kind: 'docx', data };
  if (type.startsWith('text/') || type === '') {
    if (looksLikeZip) throw bad('This is a .docx file: send it with Content-Type ' + DOCX_MEDIA_TYPE + '.');
    return { kind: 'text', data };
  }
  throw bad(`A document of type "${type}" cannot be imported: send plain text (text/plain) or a Word document (.docx).`);
}

export function decodeText(data: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw bad('The text is not encoded as UTF-8: save it as UTF-8 (Word: "Plain Text", encoding "Unicode (UTF-8)") and send it again.');
  }
}
