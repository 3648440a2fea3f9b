/** The localcloud console page: React, bundled by esbuild when localcloud first serves `/console`. */
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './console.css';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App />);
