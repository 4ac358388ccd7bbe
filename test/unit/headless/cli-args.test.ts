import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { parseHeadlessArgs } from '../../../src/main/headless/cli-args'

const DEFAULTS = { dataDir: '/tmp/profile', rendererDir: '/tmp/renderer', resourcesDir: '/tmp/resources' }
const parse = (...argv: string[]) => parseHeadlessArgs(argv, DEFAULTS)

describe('serve arguments', () => {
  it('defaults to port 0, the given folders, every venue and no endpoint overrides', () => {
    expect(parse()).toEqual({
      port: 0,
      dataDir: resolve('/tmp/profile'),
      rendererDir: resolve('/tmp/renderer'),
      venues: ['sim', 'okx', 'binance', 'binanceusdm', 'bybit'],
      endpoints: {},
      resourcesDir: resolve('/tmp/resources'),
      modelEndpoints: {},
      pilots: true,
    })
  })

  it('--model-endpoint points a provider at another base URL; --pilots off keeps the schedule stopped', () => {
    const args = parse('--model-endpoint', 'deepseek=http://127.0.0.1:9000/v1/', '--model-endpoint', 'qwen=http://127.0.0.1:9001/v1', '--pilots', 'off')
    expect(args.modelEndpoints).toEqual({ deepseek: 'http://127.0.0.1:9000/v1', qwen: 'http://127.0.0.1:9001/v1' })
    expect(args.pilots).toBe(false)
  })

  it.each([
    [['--model-endpoint', 'deepseek'], /expects ID=BASE_URL/],
    [['--model-endpoint', 'deepseek=ftp://x'], /http/],
    [['--model-endpoint', 'deepseek=http://user:pw@127.0.0.1/v1'], /password/],
    [['--model-endpoint', 'a=http://127.0.0.1/v1', '--model-endpoint', 'a=http://127.0.0.1/v2'], /more than once/],
    [['--pilots', 'maybe'], /on or off/],
  ])('refuses %j with a message', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message)
  })

  it('--venues chooses the venues, in its order', () => {
    expect(parse('--venues', 'sim,okx').venues).toEqual(['sim', 'okx'])
    expect(parse('--venues', 'bybit, okx').venues).toEqual(['bybit', 'okx'])
    expect(parse('--venues', 'okx').venues).toEqual(['okx'])
  })

  it.each([
    [['--venues', ''], /--venues expects venue ids separated by commas, e\.g\. sim,okx; received ""/],
    [['--venues', 'sim,,okx'], /--venues expects venue ids separated by commas/],
    [['--venues', 'sim,mtgox'], /--venues: unknown venue "mtgox"; expected some of: sim, okx, binance, binanceusdm, bybit/],
    [['--venues', 'okx,sim,okx'], /--venues names okx more than once/],
    [['--venues'], /argument missing/],
  ])('refuses --venues %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message)
  })

  it('--venue-endpoint ID=URL overrides REST and derives the WebSocket origin from it', () => {
    expect(parse('--venue-endpoint', 'okx=http://127.0.0.1:12345').endpoints).toEqual({ okx: { rest: 'http://127.0.0.1:12345', ws: 'ws://127.0.0.1:12345' } })
  })

  it('--venue-endpoint ID=REST_URL,WS_URL sets both, and repeats for several venues', () => {
    const args = parse('--venues', 'sim,okx,bybit', '--venue-endpoint', 'okx=http://127.0.0.1:1,ws://127.0.0.1:2/ws/v5', '--venue-endpoint', 'bybit=https://127.0.0.1:3')
    expect(args.endpoints).toEqual({
      okx: { rest: 'http://127.0.0.1:1', ws: 'ws://127.0.0.1:2' },
      bybit: { rest: 'https://127.0.0.1:3', ws: 'wss://127.0.0.1:3' },
    })
  })

  it.each([
    [['--venue-endpoint', 'okx'], /--venue-endpoint expects ID=REST_URL or ID=REST_URL,WS_URL, e\.g\. okx=http:\/\/127\.0\.0\.1:8080; received "okx"/],
    [['--venue-endpoint', '=http://127.0.0.1:1'], /--venue-endpoint expects ID=REST_URL/],
    [['--venue-endpoint', 'okx='], /--venue-endpoint expects ID=REST_URL/],
    [['--venue-endpoint', 'okx=http://127.0.0.1:1,ws://127.0.0.1:2,ws://127.0.0.1:3'], /--venue-endpoint expects ID=REST_URL/],
    [['--venue-endpoint', 'sim=http://127.0.0.1:1'], /--venue-endpoint sim: the market simulator runs in-process and has no endpoint/],
    [['--venue-endpoint', 'mtgox=http://127.0.0.1:1'], /--venue-endpoint: unknown venue "mtgox"; expected one of: okx, binance, binanceusdm, bybit/],
    [['--venues', 'sim,okx', '--venue-endpoint', 'bybit=http://127.0.0.1:1'], /--venue-endpoint bybit: bybit is not registered; add it to --venues \(now sim,okx\)/],
    [['--venue-endpoint', 'okx=http://127.0.0.1:1', '--venue-endpoint', 'okx=http://127.0.0.1:2'], /--venue-endpoint okx is given more than once/],
    [['--venue-endpoint', 'okx=127.0.0.1:1'], /--venue-endpoint okx: REST URL "127\.0\.0\.1:1" is not a URL; expected e\.g\. http:\/\/127\.0\.0\.1:8080/],
    [['--venue-endpoint', 'okx=ws://127.0.0.1:1'], /--venue-endpoint okx: REST URL "ws:\/\/127\.0\.0\.1:1" must start with http:\/\/ or https:\/\//],
    [['--venue-endpoint', 'okx=http://127.0.0.1:1,http://127.0.0.1:2'], /--venue-endpoint okx: WebSocket URL "http:\/\/127\.0\.0\.1:2" must start with ws:\/\/ or wss:\/\//],
  ])('refuses --venue-endpoint %j', (argv, message) => {
    expect(() => parse(...argv)).toThrow(message)
  })

  it('still refuses a bad port and unknown options', () => {
    expect(() => parse('--port', '70000')).toThrow(/--port expects an integer from 0 to 65535/)
    expect(() => parse('--venue', 'okx')).toThrow(/Unknown option '--venue'/)
  })
})
