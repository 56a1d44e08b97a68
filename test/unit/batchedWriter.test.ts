/**
 * The server's writer over stdio: the messages of one run of code leave in one write,
 * each framed as the base protocol says, and a client's reader reads them back whole.
 */
import { strict as assert } from 'node:assert';
import { PassThrough } from 'node:stream';
import { StreamMessageReader, type Message } from 'vscode-languageserver/node';
import { BatchedMessageWriter } from '../../server/src/lsp/batchedWriter.js';

describe('the server’s message writer', () => {
  it('writes the messages of one turn in one write, framed by their UTF-8 length, and a reader reads each back', async () => {
    const out = new PassThrough();
    const writes: Buffer[] = [];
    const write = out.write.bind(out);
    out.write = ((chunk: Buffer, ...rest: never[]) => (writes.push(Buffer.from(chunk)), write(chunk, ...rest))) as typeof out.write;
    const writer = new BatchedMessageWriter(out);
    const messages: Message[] = [
      { jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: 'file:///a.md', diagnostics: [] } } as Message,
      { jsonrpc: '2.0', id: 1, result: { contents: 'Kirby said — “no comment” ✓' } } as Message,
      { jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'x'.repeat(70000) } } as Message,
    ];
    for (const m of messages) void writer.write(m);
    assert.equal(writes.length, 0, 'nothing is written before the run of code ends');
    await new Promise((r) => process.nextTick(r));
    assert.equal(writes.length, 1);
    const second = JSON.stringify(messages[1]);
    assert.ok(writes[0]!.includes(Buffer.from(`Content-Length: ${Buffer.byteLength(second)}\r\n\r\n${second}`)));

    const read: Message[] = [];
    const reader = new StreamMessageReader(out);
    reader.listen((m) => read.push(m));
    await new Promise((r) => setTimeout(r, 50));
    assert.deepEqual(read, messages);
    void writer.write(messages[0]!);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(writes.length, 2, 'a later turn writes again');
    assert.deepEqual(read.at(-1), messages[0]);
    reader.dispose();
  });
});
