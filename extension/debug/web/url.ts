// Browser stand-in for Node's `url` (@vscode/debugadapter only needs the WHATWG URL class).

export const URL = globalThis.URL;
export default { URL };
