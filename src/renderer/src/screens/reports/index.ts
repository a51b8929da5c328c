/** The Reports section: sales figures of any period with charts, drill-down, and exports. */
export { ReportsScreen } from './ReportsScreen';
