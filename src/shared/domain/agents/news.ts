import { z } from 'zod'

/** A configured news feed. */
export const NewsFeedSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,39}$/),
  kind: z.enum(['rss', 'json']),
  url: z.url({ protocol: /^https?$/ }),
  enabled: z.boolean(),
})
export type NewsFeed = z.infer<typeof NewsFeedSchema>

/** A news item after sanitising: untrusted text, normalised and capped, never instructions. */
export const NewsItemSchema = z.strictObject({
  id: z.string(),
  feedId: z.string(),
  title: z.string().max(300),
  summary: z.string().max(1000),
  url: z.string().max(2000).nullable(),
  publishedAt: z.number().int().nullable(),
  fetchedAt: z.number().int(),
})
export type NewsItem = z.infer<typeof NewsItemSchema>
