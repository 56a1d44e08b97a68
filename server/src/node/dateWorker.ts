/**
 * A worker thread that analyses the dates of notes that cite no source (see
 * datesAlongside.ts): it is sent notes in batches, over the port it is given first, and
 * sends back each batch's analyses in order.
 */
import { parentPort, type MessagePort } from 'node:worker_threads';
import { analyzeNoteDates, type DateAnalysis } from '../core/dates/index.js';
import type { DocumentDate } from '../core/types.js';
import { flatSpans, spansOf } from './flatSpans.js';

/** A note to analyse: its spans flat (`[start, end, start, end, …]`), cheap to copy between threads. */
export interface DateJob {
  id: number;
  text: string;
  date?: DocumentDate;
  prose: Int32Array;
  citations: Int32Array;
}

export type DateRequest = { port: MessagePort } | { jobs: DateJob[] };

/** An analysis as it crosses threads: its sentences flat (a vault's notes have a hundred thousand). */
export type SentAnalysis = Omit<DateAnalysis, 'sentences'> & { sentences: Int32Array };

/** The analyses of one batch, in the order of its jobs (undefined where the analysis failed: the main thread makes it). */
export interface DateReply {
  ids: number[];
  analyses: (SentAnalysis | undefined)[];
}

let port: MessagePort | undefined;

parentPort?.on('message', (request: DateRequest) => {
  if ('port' in request) {
    port = request.port;
    port.on('message', (r: DateRequest) => 'jobs' in r && answer(r.jobs));
  }
});

function answer(jobs: DateJob[]): void {
  const analyses = jobs.map((job) => {
    try {
      const analysis = analyzeNoteDates(job.text, {
        ...(job.date ? { date: job.date } : {}),
        prose: spansOf(job.prose),
        citations: spansOf(job.citations),
      });
      return { ...analysis, sentences: flatSpans(analysis.sentences) };
    } catch {
      return undefined;
    }
  });
  port!.postMessage({ ids: jobs.map((j) => j.id), analyses } satisfies DateReply);
}
