/** The Reports section: sales figures, Z reports and exports. */
export { ReportsScreen } from './ReportsScreen';
