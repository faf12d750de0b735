// The extension in code-server's Node extension host, as in desktop VS Code: entry `main`, the
// debug adapter in its own process. Stages and screenshots: ./suite.ts.
import { describeInVsCode } from './suite';

describeInVsCode('node');
