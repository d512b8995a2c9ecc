// Live status of the MQTT connections: every five seconds the page's table is brought up to date from
// lorawan/verbindungen/mqtt/stand (state, last error, messages received). Without scripts the table shows the status
// of when the page was loaded.
document.addEventListener('DOMContentLoaded', () => {
  const table = document.querySelector('table.mqtt-status');
  if (!table) return;
  const states = new Map([...table.querySelectorAll('tbody tr')].map((row) => [row.dataset.id, row]));
  // data-label-connected etc.: the states in the page's language
  const label = (state) => table.dataset['label' + state.charAt(0).toUpperCase() + state.slice(1)] || state;

  const refresh = async () => {
    try {
      // marked as background polling, so an unattended page does not keep the session alive
      const response = await fetch(table.dataset.status,
        { headers: { Accept: 'application/json', 'X-Gemeinwerk-Background': '1' } });
      if (response.ok) {
        for (const connection of await response.json()) {
          const row = states.get(String(connection.id));
          if (!row) continue;
          const state = connection.status ? connection.status.state : 'none';
          const badge = row.querySelector('.badge');
          badge.className = 'badge ' + state;
          badge.textContent = label(state);
          row.querySelector('.last-error').textContent = (connection.status && connection.status.lastError) || '';
          row.querySelector('.received').textContent = connection.status ? connection.status.received : 0;
        }
      }
    } catch (e) {
      // the next round tries again
    }
    setTimeout(refresh, 5000);
  };
  setTimeout(refresh, 5000);
});
