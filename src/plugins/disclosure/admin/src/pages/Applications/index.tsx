// The applications page (依申请公开): the worklist, and one application at /:documentId.
import { Route, Routes } from 'react-router-dom';
import { DetailPage } from './Detail';
import { WorklistPage } from './Worklist';

const ApplicationsPage = () => (
  <Routes>
    <Route index element={<WorklistPage />} />
    <Route path=":documentId" element={<DetailPage />} />
  </Routes>
);

export default ApplicationsPage;
