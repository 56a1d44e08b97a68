/** The language server's entry (`node dist/server.js --stdio` or `--node-ipc`). */
import { startServer } from './server.js';

startServer();
