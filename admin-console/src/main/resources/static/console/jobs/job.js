// Keeps a job's page current while the job runs: polls its status (JSON) every second and moves the progress bar and
// its count. A polite live region says the count only every tenth of the way, so a screen reader is not talked over
// every second. When the job has ended the page is loaded again, to show its result and errors.
document.addEventListener('DOMContentLoaded', () => {
  const job = document.querySelector('[data-job-status]');
  if (!job || job.dataset.running !== 'true') return;
  const bar = job.querySelector('progress');
  const doneText = job.querySelector('.done-text');
  const percentText = job.querySelector('.percent');
  const announcement = job.querySelector('.announcement');
  let announcedTenth = Math.floor(Number(percentText.textContent) / 10);

  const poll = async () => {
    try {
      const response = await fetch(job.dataset.jobStatus, { headers: { Accept: 'application/json' } });
      if (!response.ok) throw new Error(String(response.status));
      const status = await response.json();
      if (status.state !== 'running') {
        window.location.reload();
        return;
      }
      const percent = status.total === 0 ? 100 : Math.floor((100 * status.done) / status.total);
      bar.max = Math.max(status.total, 1);
      bar.value = status.done;
      bar.textContent = percent + ' %';
      const count = job.dataset.template.replace('{done}', status.done).replace('{total}', status.total);
      doneText.textContent = count;
      percentText.textContent = String(percent);
      if (Math.floor(percent / 10) !== announcedTenth) {
        announcedTenth = Math.floor(percent / 10);
        announcement.textContent = count;
      }
    } catch (e) {
      // a lost answer is no reason to stop; the next poll tries again
    }
    setTimeout(poll, 1000);
  };
  setTimeout(poll, 1000);
});
