/**
 * A fake OpenAI-compatible API on 127.0.0.1 for tests, the end-to-end suite
 * and headless runs: POST /v1/chat/completions and GET /v1/models, with
 * scripted answers, faults and a request log. See README.md next to this file.
 */
import { AnswerScript, DEFAULT_FAKE_ANSWER } from './script'
import { FakeOpenAiServer } from './server'
import type { FakeOpenAi, FakeOpenAiOptions } from './types'

export { answers } from './answers'
export { DEFAULT_FAKE_ANSWER } from './script'
export { estimateTokens } from './wire'
export type {
  ChatRequestBody,
  FakeAnswer,
  FakeDelayAnswer,
  FakeFaultAnswer,
  FakeHangUpAnswer,
  FakeJsonAnswer,
  FakeOpenAi,
  FakeOpenAiOptions,
  FakeRawAnswer,
  FakeResponder,
  FakeTextAnswer,
  FakeUsage,
  RecordedRequest,
} from './types'

export const DEFAULT_FAKE_MODELS = ['fake-chat', 'fake-reasoner']

export async function startFakeOpenAi(options: FakeOpenAiOptions = {}): Promise<FakeOpenAi> {
  const initialDefault = options.defaultAnswer ?? DEFAULT_FAKE_ANSWER
  const state = {
    script: new AnswerScript(options.responder ?? null, initialDefault),
    requiredKey: options.requireKey ?? null,
    models: options.models ?? DEFAULT_FAKE_MODELS,
  }
  const server = new FakeOpenAiServer(state)
  const port = await server.listen(options.port ?? 0)
  return {
    url: `http://127.0.0.1:${port}/v1`,
    port,
    requests: server.requests,
    chatRequests: () => server.requests.filter((request) => request.method === 'POST' && /\/chat\/completions$/.test(request.path)),
    script: (...answers) => state.script.push(answers),
    scriptFor: (model, ...answers) => state.script.pushFor(model, answers),
    respondWith: (responder) => state.script.respondWith(responder),
    setDefault: (answer) => {
      state.script.fallback = answer
    },
    setRequiredKey: (key) => {
      state.requiredKey = key
    },
    pending: () => state.script.pending(),
    reset: () => {
      state.script.clear(options.responder ?? null, initialDefault)
      server.clearLog()
    },
    close: () => server.close(),
  }
}
