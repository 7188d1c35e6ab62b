import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { Layout } from './Layout';
import { RequireSession } from './RequireSession';

/**
 * Routes, each page its own chunk (`lazy`): the first load carries the frame and the sign-in check only. A new page is
 * a new entry here and a folder under features/.
 */
export const routes: RouteObject[] = [
  {
    path: '/sign-in',
    lazy: async () => ({ Component: (await import('../features/auth/SignInPage')).SignInPage }),
  },
  {
    // Public: the page of an admin's one-time link (the token in the fragment); no session needed or used.
    path: '/password-reset',
    lazy: async () => ({ Component: (await import('../features/auth/PasswordResetPage')).PasswordResetPage }),
  },
  {
    element: <RequireSession />,
    children: [
      {
        element: <Layout />,
        children: [
          { index: true, element: <Navigate to="/board" replace /> },
          { path: 'board', lazy: async () => ({ Component: (await import('../features/board/BoardPage')).BoardPage }) },
          {
            path: 'intake',
            lazy: async () => ({ Component: (await import('../features/intake/IntakePage')).IntakePage }),
          },
          {
            path: 'cases/:caseId',
            lazy: async () => ({ Component: (await import('../features/case/CasePage')).CasePage }),
          },
          // A role's day (issue 16): each page its own chunk, like the others.
          {
            path: 'agenda',
            lazy: async () => ({ Component: (await import('../features/lawyer/AgendaPage')).AgendaPage }),
          },
          {
            path: 'court-day',
            lazy: async () => ({ Component: (await import('../features/court-day/CourtDayPage')).CourtDayPage }),
          },
          {
            // One route with the import optional: the page keeps what it has read of a list while its id joins the URL.
            path: 'imports/:importId?',
            lazy: async () => ({ Component: (await import('../features/imports/ImportsPage')).ImportsPage }),
          },
          {
            path: 'calendar',
            lazy: async () => ({ Component: (await import('../features/lawyer/CalendarPage')).CalendarPage }),
          },
          {
            path: 'notifications',
            lazy: async () => ({ Component: (await import('../features/lawyer/NotificationsPage')).NotificationsPage }),
          },
          {
            path: 'escalations',
            lazy: async () => ({
              Component: (await import('../features/coordinator/EscalationsPage')).EscalationsPage,
            }),
          },
          {
            path: 'stats',
            lazy: async () => ({ Component: (await import('../features/coordinator/StatsPage')).StatsPage }),
          },
          {
            path: 'history',
            lazy: async () => ({ Component: (await import('../features/audit/HistoryIndexPage')).HistoryIndexPage }),
          },
          {
            path: 'history/:caseId',
            lazy: async () => ({ Component: (await import('../features/audit/HistoryPage')).HistoryPage }),
          },
          {
            path: 'access-log',
            lazy: async () => ({ Component: (await import('../features/audit/AccessLogPage')).AccessLogPage }),
          },
          {
            path: 'accounts',
            lazy: async () => ({ Component: (await import('../features/admin/AccountsPage')).AccountsPage }),
          },
          {
            path: 'health',
            lazy: async () => ({ Component: (await import('../features/admin/HealthPage')).HealthPage }),
          },
          // Offline use (issue 18): the vault, the outbox, and a case opened without a connection.
          {
            path: 'offline',
            lazy: async () => ({ Component: (await import('../offline/ui/OfflinePage')).OfflinePage }),
          },
          {
            path: 'offline/pending/:caseRef',
            lazy: async () => ({ Component: (await import('../offline/ui/PendingCasePage')).PendingCasePage }),
          },
          {
            path: '*',
            lazy: async () => ({ Component: (await import('../shared/NotFoundPage')).NotFoundPage }),
          },
        ],
      },
    ],
  },
];

export function createRouter(): ReturnType<typeof createBrowserRouter> {
  return createBrowserRouter(routes);
}
