import { useQuery } from '@tanstack/react-query';
import type { UnitView } from '../../../../src/modules/org/org.schemas.ts';
import { api } from '../../lib/api.ts';

export type Unit = UnitView;
export interface UnitQuery {
  includeClosed?: boolean;
  q?: string;
}

export const unitsKey = (q: UnitQuery = {}) => ['units', q] as const;

/** The units in the user's scope (flat, parents before children). Also used by other features' pickers. */
export function useUnits(q: UnitQuery = {}, enabled = true) {
  return useQuery({
    queryKey: unitsKey(q),
    queryFn: ({ signal }) => api.get<Unit[]>('/units', { includeClosed: q.includeClosed || undefined, q: q.q }, signal),
    enabled,
  });
}
