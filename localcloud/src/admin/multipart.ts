/**
 * Minimal multipart/form-data reader for the admin API: @cloudbase/node-sdk sends `wx.openApi`
 * calls as a form (via the form-data package) whose `requestData` field is a protobuf buffer.
 * Fields with a filename or a non-text content type stay Buffers; the rest become strings.
 */
export function parseMultipart(body: Buffer, contentType: string): Record<string, string | Buffer> {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  if (!match) throw new Error('multipart body without a boundary');
  const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
  const fields: Record<string, string | Buffer> = {};
  let start = body.indexOf(delimiter);
  while (start !== -1) {
    const partStart = start + delimiter.length;
    if (body.subarray(partStart, partStart + 2).toString() === '--') break; // closing delimiter
    const next = body.indexOf(delimiter, partStart);
    if (next === -1) break;
    // A part is CRLF headers CRLF CRLF content CRLF.
    const part = body.subarray(partStart + 2, next - 2);
    const headerEnd = part.indexOf('\r\n\r\n');
    if (headerEnd !== -1) {
      const headers = part.subarray(0, headerEnd).toString('utf8');
      const content = part.subarray(headerEnd + 4);
      const name = /name="([^"]*)"/i.exec(headers)?.[1];
      if (name !== undefined) {
        const binary = /filename=/i.test(headers) || /content-type:\s*(?!text\/)/i.test(headers);
        fields[name] = binary ? Buffer.from(content) : content.toString('utf8');
      }
    }
    start = next;
  }
  return fields;
}
