// The result page while grading runs: the server sends the progress steps over server-sent events;
// this script only applies them. When the verdict is in, the page reloads to show the full result.
(function () {
  'use strict';
  const progress = document.getElementById('progress');
  if (!progress || progress.dataset.done === 'true' || !window.EventSource) {
    return;
  }
  const events = new EventSource(progress.dataset.events);

  events.addEventListener('progress', function (message) {
    const update = JSON.parse(message.data);
    update.steps.forEach(function (step) {
      const item = progress.querySelector('[data-step="' + step.name + '"]');
      if (item) {
        item.className = step.state;
        item.querySelector('.step-message').textContent = step.message;
      }
    });
    if (update.done) {
      events.close();
      window.location.reload();
    }
  });
})();
