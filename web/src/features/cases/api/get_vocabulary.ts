/**
 * GET /vocabularies/{name} — an HTCDS value set (or iso_languages, iso_countries...): value names, which the API
 * and storage carry, with their HTCDS English labels, which the UI shows. Value sets change only with a new
 * release of the server, so one fetch per session is enough.
 */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';

export const vocabularySchema = z.object({
  name: z.string(),
  label: z.string().nullish(),
  multiselect: z.boolean().default(false),
  values: z.array(z.object({ name: z.string(), label: z.string() })),
});

export type Vocabulary = z.infer<typeof vocabularySchema>;

/** The value sets the case screens use. */
export type VocabularyName =
  | 'cas_Status'
  | 'org_Type'
  | 'prs_Gender'
  | 'prs_MaritalStatus'
  | 'prs_HighestLevelOfEducation'
  | 'iso_languages'
  | 'iso_currencies'
  | 'vic_TraffickingStatus'
  | 'vic_TypeOfExploitation'
  | 'vic_ForcedLabourIndustry'
  | 'vic_TypeOfSexExploitation'
  | 'vic_MethodsOfControl'
  | 'vic_MethodOfRecruitment'
  | 'vic_RelationshipToTrafficker'
  | 'vic_Vulnerabilities'
  | 'hte_Type';

export function getVocabulary(name: VocabularyName): Promise<Vocabulary> {
  return apiRequest(`/vocabularies/${encodeURIComponent(name)}`, { schema: vocabularySchema });
}

export function vocabularyQueryKey(name: VocabularyName) {
  return ['vocabularies', name] as const;
}

export function useVocabulary(name: VocabularyName) {
  return useQuery({
    queryKey: vocabularyQueryKey(name),
    queryFn: () => getVocabulary(name),
    staleTime: Infinity,
  });
}
