/** GET /roles — the roles an administrator can grant, with what each allows. */
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest } from '@/lib/api';
import { listSchema } from '@/lib/schemas';

export const roleSchema = z.object({
  name: z.string(),
  permissions: z.array(z.string()).default([]),
  scope: z.string().nullish(),
  requires_totp: z.boolean().default(false),
});

export type Role = z.infer<typeof roleSchema>;

export function getRoles() {
  return apiRequest('/roles', { query: { limit: 200 }, schema: listSchema(roleSchema) });
}

export function useRoles() {
  return useQuery({ queryKey: ['roles'], queryFn: getRoles, staleTime: 5 * 60_000 });
}
