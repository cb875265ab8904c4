// Extension pages write to the database themselves; they tell the background which people changed, so
// that LinkedIn tabs and the toolbar count follow.
import { z } from 'zod';
import { slugSchema } from '../../../storage/schemas';
import { defineMessage } from '../define-message';
import { peopleChanged } from '../live-updates';

export const peopleChangedMessages = {
  /** Extension pages → background: these people changed; tell LinkedIn tabs. */
  peopleChanged: defineMessage(
    z.object({ slugs: z.array(slugSchema).max(100_000) }).strict(),
    async ({ slugs }) => peopleChanged(slugs),
  ),
};
