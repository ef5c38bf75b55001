import type { ReportModel } from '@live-scores/core';
import type { ReportFacts, ReportText } from '@live-scores/notify';
import { REPORT_LIMITS } from '@live-scores/schema';
import { z } from 'zod';

export interface ChatCompletionsModelOptions {
  /** e.g. "https://api.openai.com/v1", "http://127.0.0.1:8080/v1" (llama.cpp), "http://127.0.0.1:11434/v1" (Ollama). */
  baseUrl: string;
  model: string;
  timeoutSeconds: number;
  /** Sent as a bearer token when set; local servers usually need none. */
  apiKey?: string | undefined;
  fetch?: typeof fetch;
}

/** An answer bigger than this is not a match report; it is not read further. */
const MAX_RESPONSE_BYTES = 256 * 1024;

const ChatCompletion = z.object({
  choices: z.array(z.object({ message: z.object({ content: z.string() }) })).min(1),
});

const ModelReport = z.object({ title: z.string(), body: z.string() });

export const SYSTEM_PROMPT = [
  "You write the match report for a cricket club's website, in plain British cricket English.",
  'You are given the facts of the match as JSON and a plain draft written from them.',
  'Use only those facts. Every number you write must be one of the numbers in the facts, written in digits.',
  'Name only players and teams that appear in the facts. Invent nothing: no weather, crowd, venue or quotes.',
  `Answer with one JSON object and nothing else: {"title": "...", "body": "..."}. The title is at most ${REPORT_LIMITS.title} characters;`,
  `the body is two to five short paragraphs separated by blank lines, at most ${Math.floor(REPORT_LIMITS.body * 0.8)} characters.`,
].join(' ');

/** The facts as the model sees them: names and figures only, no ids. */
function userMessage(facts: ReportFacts, draft: ReportText): string {
  const { matchId: _matchId, teamId: _teamId, ...told } = facts;
  return JSON.stringify({ facts: told, draft });
}

/** The model's content as a report: bare JSON, or JSON in a Markdown code fence. */
function parseContent(content: string): ReportText {
  const fenced = /^```(?:json)?\s*([\s\S]*?)\s*```$/.exec(content.trim());
  return ModelReport.parse(JSON.parse(fenced ? fenced[1]! : content));
}

/**
 * A report model over the OpenAI chat-completions API, which OpenAI, llama.cpp's server and
 * Ollama all speak. Any failure (timeout, HTTP status, oversized or malformed answer) throws,
 * and the use case falls back to the template; the text it returns is checked there.
 */
export function createChatCompletionsModel(options: ChatCompletionsModelOptions): ReportModel {
  const url = `${options.baseUrl.replace(/\/+$/, '')}/chat/completions`;
  const request = options.fetch ?? fetch;
  return {
    async rewrite(facts, draft) {
      const response = await request(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(options.apiKey ? { authorization: `Bearer ${options.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: options.model,
          temperature: 0.4,
          response_format: { type: 'json_object' },
          messages: [
            { role: 'system', content: SYSTEM_PROMPT },
            { role: 'user', content: userMessage(facts, draft) },
          ],
        }),
        signal: AbortSignal.timeout(options.timeoutSeconds * 1000),
      });
      const text = await response.text();
      if (!response.ok) throw new Error(`chat completions answered HTTP ${response.status}`);
      if (Buffer.byteLength(text) > MAX_RESPONSE_BYTES) throw new Error('chat completions answer too large');
      const completion = ChatCompletion.parse(JSON.parse(text));
      return parseContent(completion.choices[0]!.message.content);
    },
  };
}
