// Entry of the browser playground (dist/playground/playground.js): the scenario editor, the engine
// running in the page, the timeline webview mounted beside it and fed through its own message
// protocol, step controls, the replicas' state at the current event, checks, examples and share links.
import '@vscode-elements/elements/dist/vscode-badge/index.js';
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-checkbox/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-tab-header/index.js';
import '@vscode-elements/elements/dist/vscode-tab-panel/index.js';
import '@vscode-elements/elements/dist/vscode-tabs/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '@vscode-elements/elements/dist/vscode-toolbar-button/index.js';
import '../timeline.css';
import './style.css';
import { Playground } from './playground';

declare global {
  interface Window {
    /** The running playground, for the end-to-end test. */
    playground?: Playground;
  }
}

const root = document.getElementById('playground') ?? document.body;
window.playground = new Playground(root, document.getElementById('examples-data')?.textContent ?? '[]');
void window.playground.start();
