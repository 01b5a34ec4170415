/**
 * Assessments of shelters against a template version. GET /assessments lists rows (newest first); GET
 * /assessments/{id} is the whole sheet with its running result; POST starts a draft; PATCH saves scores of a
 * draft with the version read (stale → 409, nothing written); POST /finish closes it for good.
 */
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { DEFAULT_PAGE_SIZE, listSchema } from '@/lib/schemas';
import { getAllPages } from '@/features/shelters';

const score = z.number().nullish();

export const areaScoresSchema = z.record(z.string(), score);

export const assessmentRowSchema = z.object({
  id: z.string(),
  shelter_id: z.string(),
  shelter_name: z.string().nullish(),
  office_id: z.string().nullish(),
  template_id: z.string(),
  template_version: z.number().int(),
  assessed_on: z.string(),
  status: z.string(),
  overall_score: score,
  area_scores: areaScoresSchema.default({}),
  critical_gaps: z.number().int().default(0),
  finished_at: z.string().nullish(),
  created_by: z.string().nullish(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  version: z.number().int(),
});

export type AssessmentRow = z.infer<typeof assessmentRowSchema>;

export const entrySchema = z.object({
  score: z.number().int().nullish(),
  na: z.boolean().default(false),
  evidence: z.string().nullish(),
});

export type ScoreEntry = z.infer<typeof entrySchema>;

const totalsSchema = z.object({
  score,
  points: z.number().nullish(),
  max_points: z.number().nullish(),
  scored: z.number().int().default(0),
  na: z.number().int().default(0),
  unscored: z.number().int().default(0),
});

export const resultSchema = z.object({
  overall: totalsSchema,
  areas: z.array(
    totalsSchema.extend({
      key: z.string(),
      title: z.string(),
      critical_gaps: z.number().int().default(0),
    }),
  ),
  critical_gaps: z.array(z.object({ area: z.string(), item: z.string(), score: z.number() })),
  complete: z.boolean().default(false),
});

export type AssessmentResult = z.infer<typeof resultSchema>;

export const assessmentSchema = z.object({
  id: z.string(),
  version: z.number().int(),
  created_at: z.string().nullish(),
  updated_at: z.string().nullish(),
  created_by: z.string().nullish(),
  shelter_id: z.string(),
  shelter_name: z.string().nullish(),
  office_id: z.string().nullish(),
  template_id: z.string(),
  template_version: z.number().int(),
  assessed_on: z.string(),
  status: z.string(),
  finished_by: z.string().nullish(),
  finished_at: z.string().nullish(),
  summary: z.string().nullish(),
  scores: z.record(z.string(), z.record(z.string(), entrySchema)),
  result: resultSchema,
  previous_assessment_id: z.string().nullish(),
});

export type Assessment = z.infer<typeof assessmentSchema>;

export const assessmentsQueryKey = ['assessments'] as const;

export function assessmentQueryKey(id: string) {
  return [...assessmentsQueryKey, 'detail', id] as const;
}

const rowPageSchema = listSchema(assessmentRowSchema);

export interface AssessmentFilters {
  status?: string;
  shelter_id?: string;
}

export function useAssessments(filters: AssessmentFilters) {
  return useInfiniteQuery({
    queryKey: [...assessmentsQueryKey, 'list', filters],
    queryFn: ({ pageParam }) =>
      apiRequest('/assessments', {
        query: { ...filters, limit: DEFAULT_PAGE_SIZE, after: pageParam },
        schema: rowPageSchema,
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.next ?? undefined,
  });
}

/** Every assessment of one shelter (drafts and finished), for its tab and its scores over time. */
export function useShelterAssessments(shelterId: string) {
  return useQuery({
    queryKey: [...assessmentsQueryKey, 'list', 'shelter', shelterId],
    queryFn: () => getAllPages('/assessments', assessmentRowSchema, { shelter_id: shelterId }, 10),
  });
}

export function useAssessment(id: string) {
  return useQuery({
    queryKey: assessmentQueryKey(id),
    queryFn: () =>
      apiRequest(`/assessments/${encodeURIComponent(id)}`, { schema: assessmentSchema }),
  });
}

export interface NewAssessmentInput {
  shelter_id: string;
  template_id: string;
  template_version?: number;
  assessed_on: string;
}

export function useCreateAssessment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewAssessmentInput) =>
      apiRequest('/assessments', { method: 'POST', body: input, schema: assessmentSchema }),
    onSuccess: (created) => {
      queryClient.setQueryData(assessmentQueryKey(created.id), created);
      void queryClient.invalidateQueries({ queryKey: [...assessmentsQueryKey, 'list'] });
    },
  });
}

/** A change of one item: only the keys given are merged by the server. */
export interface EntryPatch {
  score?: number | null;
  na?: boolean;
  evidence?: string | null;
}

export interface AssessmentPatch {
  version: number;
  assessed_on?: string;
  summary?: string | null;
  scores?: Record<string, Record<string, EntryPatch | null>>;
}

function useAssessmentWrite<T>(id: string, call: (input: T) => Promise<Assessment>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSuccess: (saved) => {
      queryClient.setQueryData(assessmentQueryKey(id), saved);
      void queryClient.invalidateQueries({ queryKey: [...assessmentsQueryKey, 'list'] });
      void queryClient.invalidateQueries({ queryKey: [...assessmentQueryKey(id), 'changes'] });
      void queryClient.invalidateQueries({ queryKey: [...assessmentsQueryKey, 'comparison'] });
    },
  });
}

export function useSaveAssessment(id: string) {
  return useAssessmentWrite(id, (input: AssessmentPatch) =>
    apiRequest(`/assessments/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      body: input,
      schema: assessmentSchema,
    }),
  );
}

export function useFinishAssessment(id: string) {
  return useAssessmentWrite(id, (input: { version: number }) =>
    apiRequest(`/assessments/${encodeURIComponent(id)}/finish`, {
      method: 'POST',
      body: input,
      schema: assessmentSchema,
    }),
  );
}

/** The address of the report as a file; the browser downloads it with the session cookie. */
export function exportUrl(id: string, format: 'xlsx' | 'csv'): string {
  return `/api/v1/assessments/${encodeURIComponent(id)}/export?format=${format}`;
}
