import { lazy, Suspense, useEffect } from 'react';
import { BrowserRouter, Navigate, Route, Routes, useNavigate } from 'react-router-dom';
import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { setUnauthorizedHandler } from '../shared/api';
import { homeFor, ME_KEY, useMe } from '../shared/auth';
import { createQueryClient } from '../shared/query';
import { Loading, NotFound } from '../shared/no-access';

// Every section is its own lazy chunk: a resident's phone never downloads the console or the charts.
const LoginPage = lazy(() => import('../features/auth/login-page'));
const RegisterPage = lazy(() => import('../features/auth/register-page'));
const ConsoleRoutes = lazy(() => import('../features/console/routes'));
const ResidentRoutes = lazy(() => import('../features/resident/routes'));
const DashboardRoutes = lazy(() => import('../features/dashboard/routes'));

const queryClient = createQueryClient();

/** A 401 from any call (session expired) → sign-in, remembering the page to come back to. */
function SessionWatch() {
  const navigate = useNavigate();
  const qc = useQueryClient();
  useEffect(() => {
    setUnauthorizedHandler(() => {
      if (location.pathname.startsWith('/login')) return;
      const next = location.pathname + location.search;
      qc.setQueryData(ME_KEY, null);
      navigate(`/login?expired=1&next=${encodeURIComponent(next)}`, { replace: true });
    });
  }, [navigate, qc]);
  return null;
}

function Home() {
  const me = useMe();
  if (me.isPending) return <Loading />;
  return <Navigate to={me.data ? homeFor(me.data) : '/login'} replace />;
}

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <BrowserRouter>
        <SessionWatch />
        <Suspense fallback={<Loading />}>
          <Routes>
            <Route path="/" element={<Home />} />
            <Route path="/login" element={<LoginPage />} />
            <Route path="/register" element={<RegisterPage />} />
            <Route path="/console/*" element={<ConsoleRoutes />} />
            <Route path="/r/*" element={<ResidentRoutes />} />
            <Route path="/dashboard/*" element={<DashboardRoutes />} />
            <Route path="*" element={<NotFound />} />
          </Routes>
        </Suspense>
      </BrowserRouter>
    </QueryClientProvider>
  );
}
