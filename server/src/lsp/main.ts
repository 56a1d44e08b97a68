/** The language server's entry (`node dist/server.js --stdio` or `--node-ipc`). */
import { format } from 'node:util';
import { createConnection, ProposedFeatures, StreamMessageReader } from 'vscode-languageserver/node';
import { BatchedMessageWriter } from './batchedWriter.js';
import { startServer } from './server.js';

if (process.argv.includes('--stdio')) {
  // Over stdio, the messages of a turn are written at once (`batchedWriter.ts`).
  const connection = createConnection(
    ProposedFeatures.all,
    new StreamMessageReader(process.stdin),
    new BatchedMessageWriter(process.stdout),
  );
  // The editor closed the connection without the exit notification: nothing is left to answer.
  process.stdin.on('end', () => process.exit(0));
  process.stdin.on('close', () => process.exit(0));
  // stdout carries the protocol: what a library prints goes to the editor's log instead.
  console.log = console.info = (...args: unknown[]) => connection.console.log(format(...args));
  console.warn = (...args: unknown[]) => connection.console.warn(format(...args));
  console.error = (...args: unknown[]) => connection.console.error(format(...args));
  startServer(connection);
} else startServer();
