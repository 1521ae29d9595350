/** Save text as a file from the browser: a Blob, an object URL and a temporary download link. */

export function exportFileName(stem: string, kind: 'rounds.csv' | 'debrief.json'): string {
  const safe = stem.replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'session';
  return `kanban-cascade-${safe}-${kind}`;
}

export function downloadText(text: string, fileName: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked after the click has been handled (some browsers read the URL asynchronously).
  window.setTimeout(() => URL.revokeObjectURL(url), 1000);
}
