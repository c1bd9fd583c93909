import '../resident/appeals.css';
import './handler.css';
import { Route, Routes } from 'react-router-dom';
import { RequireAuth } from '../../../shared/guards';
import { TaskActionPage } from './task-action';
import { TaskPage } from './task-page';
import { TasksPage } from './tasks-page';

/**
 * /r/tasks/*: the 楼长's and grid worker's phone screens for matters routed to their building or grid —
 * the queue ("待我处理"), one matter, one action per screen. Plain React and the resident styles, no antd.
 */
export default function HandlerRoutes() {
  return (
    <RequireAuth>
      <Routes>
        <Route index element={<TasksPage />} />
        <Route path=":id" element={<TaskPage />} />
        <Route path=":id/do/:command" element={<TaskActionPage />} />
        <Route path="*" element={<TasksPage />} />
      </Routes>
    </RequireAuth>
  );
}
