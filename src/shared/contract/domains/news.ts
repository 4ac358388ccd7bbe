import { z } from 'zod'
import { NewsFeedSchema, NewsItemSchema } from '../../domain/agents/news'
import { command } from '../define'

export const newsCommands = {
  'news.feeds': command({ summary: 'The configured news feeds', input: z.void(), output: z.array(NewsFeedSchema) }),
  'news.setFeeds': command({ summary: 'Replaces the news feed list', input: z.array(NewsFeedSchema).max(50), output: z.array(NewsFeedSchema) }),
  'news.latest': command({ summary: 'The latest sanitised news items', input: z.strictObject({ limit: z.number().int().min(1).max(200).default(50) }), output: z.array(NewsItemSchema) }),
  'news.refresh': command({ summary: 'Fetches every enabled feed now', input: z.void(), output: z.strictObject({ fetched: z.number().int(), added: z.number().int(), failed: z.array(z.strictObject({ feedId: z.string(), message: z.string() })) }) }),
} as const
