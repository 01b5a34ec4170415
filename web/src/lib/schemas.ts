/** Schemas of the objects several features share. Feature-specific answers live next to their API call. */
import { z } from 'zod';

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  display_name: z.string().nullish(),
  office_id: z.string().nullish(),
  roles: z.array(z.string()),
  permissions: z.array(z.string()),
  view_pii: z.boolean().default(false),
  totp_enabled: z.boolean().default(false),
  totp_required: z.boolean().default(false),
  disabled: z.boolean().default(false),
  locked_until: z.string().nullish(),
  last_login_at: z.string().nullish(),
  version: z.number().int(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
});

export type User = z.infer<typeof userSchema>;

/** Every list answers `{"items":[...],"next":CURSOR-or-null}`. */
export function listSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), next: z.string().nullish() });
}

export interface Page<T> {
  items: T[];
  next?: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
