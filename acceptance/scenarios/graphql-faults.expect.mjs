// GraphQL 502 then 429: retried, and the outcome is exactly that of report-changed.
import { recoveredAsReportChanged } from '../lib/expect.mjs';

export default recoveredAsReportChanged;
