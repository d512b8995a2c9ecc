// Progressive enhancement only: the console works without scripts. A form that came back with errors moves the
// focus to its error summary, so keyboard and screen-reader users hear what to correct (GOV.UK pattern).
document.addEventListener('DOMContentLoaded', () => {
  const summary = document.querySelector('.error-summary');
  if (summary) summary.focus();
});
