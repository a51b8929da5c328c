/** The customer display's entry: its styles, the event bindings and link check, then React. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/display.css';
import './styles/displayPayment.css';
import { DisplayApp, startDisplay } from './display/index';

startDisplay();

const root = document.getElementById('root');
if (!root) throw new Error('display.html has no #root element.');
createRoot(root).render(
  <StrictMode>
    <DisplayApp />
  </StrictMode>,
);
