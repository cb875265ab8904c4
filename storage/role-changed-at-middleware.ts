// Keeps `roleChangedAt` (the index the coach's moment range reads, suggestion-streams.ts) equal to the
// newest of a person's role changes inside every write of a person: whichever repository function,
// bulk operation, modify(), restore or merge makes it, no caller has to remember it, and a row can
// never sit in the index at a time its role changes do not say.
import type { DBCore, DBCoreMutateRequest, Middleware } from 'dexie';
import { withRoleChangedAt } from './domain';

function derived(req: DBCoreMutateRequest): DBCoreMutateRequest {
  return req.type === 'add' || req.type === 'put'
    ? { ...req, values: req.values.map(withRoleChangedAt) }
    : req;
}

export const roleChangedAtMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'RoleChangedAt',
  create(down) {
    return {
      table(name) {
        const table = down.table(name);
        if (name !== 'people') return table;
        return { ...table, mutate: (req) => table.mutate(derived(req)) };
      },
    };
  },
};
