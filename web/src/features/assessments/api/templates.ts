/**
 * Assessment templates: GET /assessment-templates lists every version as summaries; GET
 * /assessment-templates/{id}?version=N is one version with its areas and items. A template version never
 * changes, so it is cached for the session.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { getAllPages } from '@/features/shelters';

export const DEFAULT_TEMPLATE = 'homeward-shelter-standards';

export const templateItemSchema = z.object({
  key: z.string(),
  statement: z.string(),
  guidance: z.string().default(''),
  levels: z.array(z.string()),
  weight: z.number(),
  critical: z.boolean().default(false),
});

export type TemplateItem = z.infer<typeof templateItemSchema>;

export const templateAreaSchema = z.object({
  key: z.string(),
  title: z.string(),
  source: z.string().nullish(),
  items: z.array(templateItemSchema),
});

export type TemplateArea = z.infer<typeof templateAreaSchema>;

export const templateSummarySchema = z.object({
  id: z.string(),
  version: z.number().int(),
  latest: z.boolean().default(false),
  title: z.string(),
  description: z.string().nullish(),
  area_count: z.number().int().nullish(),
  item_count: z.number().int().nullish(),
});

export type TemplateSummary = z.infer<typeof templateSummarySchema>;

export const templateSchema = templateSummarySchema.extend({
  areas: z.array(templateAreaSchema),
});

export type Template = z.infer<typeof templateSchema>;

export function useTemplates() {
  return useQuery({
    queryKey: ['assessment-templates', 'all'],
    queryFn: () => getAllPages('/assessment-templates', templateSummarySchema, {}, 5),
    staleTime: 300_000,
  });
}

export function useTemplate(id: string | undefined, version?: number) {
  return useQuery({
    queryKey: ['assessment-templates', id, version ?? 'latest'],
    queryFn: () =>
      apiRequest(`/assessment-templates/${encodeURIComponent(id ?? '')}`, {
        query: { version },
        schema: templateSchema,
      }),
    enabled: Boolean(id),
    staleTime: version ? Infinity : 300_000,
  });
}
