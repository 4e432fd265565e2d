/**
 * Progressive enhancement for the server-rendered admin console: copy buttons for one-time secrets and
 * confirmation before destructive actions. Every page works without it.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('button[data-copy]')) {
  button.hidden = false;
  button.addEventListener('click', async () => {
    const target = document.getElementById(button.dataset.copy ?? '');
    const text = target?.textContent?.trim() ?? '';
    try {
      await navigator.clipboard.writeText(text);
    } catch {
      const range = document.createRange();
      if (target) range.selectNodeContents(target);
      getSelection()?.removeAllRanges();
      getSelection()?.addRange(range);
      document.execCommand('copy');
    }
    const status = document.getElementById(`${button.dataset.copy}-status`);
    if (status) status.textContent = button.dataset.copied ?? '';
  });
}

for (const form of document.querySelectorAll<HTMLFormElement>('form[data-confirm]')) {
  form.addEventListener('submit', (event) => {
    if (!window.confirm(form.dataset.confirm ?? '')) event.preventDefault();
  });
}
