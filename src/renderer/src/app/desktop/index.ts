/** Settings › This till's desktop-app card (start-up options, the update feed, the update's state). */
export { DesktopPanel } from './DesktopPanel';
export { desktopViewSchema, type DesktopView, updateText } from './desktopView';
