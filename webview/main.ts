// Entry of the timeline webview bundle (dist/webview/timeline.js, with timeline.css beside it).
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
import './timeline.css';
import { TimelineApp } from './app';

declare global {
  interface Window {
    /** The running view, for the end-to-end tests and the benchmark. */
    timelineApp?: TimelineApp;
  }
}

const root = document.getElementById('app') ?? document.body;
window.timelineApp = new TimelineApp(root, acquireVsCodeApi());
