import './appeals.css';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../../shared/guards';
import { MyReportsPage } from './my-reports-page';
import { CategoryScreen } from './report-category';
import { ConfirmScreen } from './report-confirm';
import { DescribeScreen } from './report-describe';
import { DraftProvider } from './report-state';
import { TrackPage } from './track-page';

/**
 * /r/appeals/*: report in three screens (category → describe and place → confirm), my reports, one report's
 * public timeline. Phone pages: plain React and the resident styles, no antd.
 */
export default function ResidentAppealsRoutes() {
  return (
    <RequireAuth>
      <DraftProvider>
        <Routes>
          <Route index element={<MyReportsPage />} />
          <Route path="new" element={<CategoryScreen />} />
          <Route path="new/describe" element={<DescribeScreen />} />
          <Route path="new/confirm" element={<ConfirmScreen />} />
          <Route path="track/:code" element={<TrackPage />} />
          <Route path="*" element={<MyReportsPage />} />
        </Routes>
      </DraftProvider>
    </RequireAuth>
  );
}
