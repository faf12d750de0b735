// Types of scripts/vsix.mjs for the TypeScript tests (the project does not type-check .mjs).
export function listZip(file: string): { name: string; size: number; compressed: number }[];
export function openVsxProblems(manifest: Record<string, unknown>, hasLicenseFile: boolean): string[];
