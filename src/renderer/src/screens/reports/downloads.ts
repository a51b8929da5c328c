/** Saves the files an export returned (base64) as downloads, one link click each. */
export function downloadFiles(
  files: readonly { fileName: string; mimeType: string; base64: string }[],
): void {
  for (const file of files) {
    const binary = atob(file.base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
    const url = URL.createObjectURL(new Blob([bytes], { type: file.mimeType }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.fileName;
    link.rel = 'noopener';
    link.style.display = 'none';
    document.body.appendChild(link);
    link.click();
    link.remove();
    // The download has its own copy once started; the URL is freed a little later.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
