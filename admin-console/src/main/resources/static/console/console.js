// Progressive enhancement only: the console works without scripts. A form that came back with errors moves the
// focus to its error summary, so keyboard and screen-reader users hear what to correct (GOV.UK pattern). A secret
// shown once gets a copy button (the clipboard API needs a script; without it, the text is selected by a click).
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
  const secret = document.getElementById('secret');
  if (secret && navigator.clipboard) {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'button secondary';
    button.textContent = secret.dataset.copy;
    const status = document.createElement('span');
    status.setAttribute('role', 'status');
    button.addEventListener('click', async () => {
      await navigator.clipboard.writeText(secret.value);
      status.textContent = secret.dataset.copied;
    });
    secret.after(button, status);
  }
  if (secret) secret.addEventListener('focus', () => secret.select());
});
