import { adminRouter } from './routers/admin/index';
import { authRouter } from './routers/auth';
import { catalogRouter } from './routers/catalog';
import { contactRouter } from './routers/contact';
import { conversationRouter } from './routers/conversation';
import { csatRouter } from './routers/csat';
import { monitoringRouter } from './routers/monitoring';
import { privacyRouter } from './routers/privacy';
import { syncRouter } from './sync/router';
import { router } from './trpc/trpc';

/** Routers are nouns, procedures verbs. The desktop imports only `type AppRouter`. */
export const appRouter = router({
  auth: authRouter,
  contact: contactRouter,
  conversation: conversationRouter,
  csat: csatRouter,
  monitoring: monitoringRouter,
  privacy: privacyRouter,
  catalog: catalogRouter,
  sync: syncRouter,
  admin: adminRouter,
});

export type AppRouter = typeof appRouter;
