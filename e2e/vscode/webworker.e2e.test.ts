// The extension in code-server's web worker extension host, as on vscode.dev and github.dev: entry
// `browser`, the debug adapter inline, no Node. Same stages as the Node host: ./suite.ts.
import { describeInVsCode } from './suite';

describeInVsCode('webworker');
