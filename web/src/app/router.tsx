import { createBrowserRouter, type RouteObject } from 'react-router-dom';
import PublicLanding from '../features/home/PublicLanding.tsx';
import { AppLayout } from './AppLayout.tsx';
import { NotFound, RouteError } from './ErrorPages.tsx';
import { PublicLayout } from './PublicLayout.tsx';
import { RequireAuth, RequireRoles } from './RequireAuth.tsx';
import { routes } from './routes.tsx';

/** Public routes in the public layout, the rest behind sign-in in the app layout. */
export function createRouter() {
  const publicChildren: RouteObject[] = [
    { path: '/', element: <PublicLanding /> },
    ...routes.filter((r) => r.public).map((r) => ({ path: r.path, element: r.element })),
    { path: '*', element: <NotFound /> },
  ];
  const privateChildren: RouteObject[] = routes
    .filter((r) => !r.public)
    .map((r) => ({ path: r.path, element: <RequireRoles roles={r.roles}>{r.element}</RequireRoles> }));
  return createBrowserRouter([
    {
      errorElement: <RouteError />,
      children: [
        { element: <PublicLayout />, children: publicChildren },
        {
          element: (
            <RequireAuth>
              <AppLayout />
            </RequireAuth>
          ),
          children: privateChildren,
        },
      ],
    },
  ]);
}
