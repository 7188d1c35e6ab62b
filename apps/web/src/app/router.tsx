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
