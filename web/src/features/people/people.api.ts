import type { UserView } from '../../../../src/modules/org/org.schemas.ts';

export type User = UserView;
export type Grant = UserView['grants'][number];
export const usersKey = ['users'] as const;
