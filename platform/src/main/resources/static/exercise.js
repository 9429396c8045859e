// The exercise page: CodeMirror on each editable file, as tall as the viewport, Ctrl/Cmd-Enter submits, and "Reset to starter"
// asks before throwing edits away. Without JavaScript the page still works with plain text areas.
(function () {
  'use strict';
  const form = document.getElementById('submission-form');
  if (!form || !window.CodeMirror) {
    return;
  }
  const submitButton = document.getElementById('submit-button');

  function submit() {
    if (!submitButton.disabled) {
      form.requestSubmit(submitButton);
    }
  }

  const editors = Array.from(form.querySelectorAll('textarea.code-editor')).map(function (textarea) {
    return window.CodeMirror.fromTextArea(textarea, {
      mode: 'text/x-java',
      lineNumbers: true,
      indentUnit: 4,
      tabSize: 4,
      matchBrackets: true,
      autoCloseBrackets: true,
      viewportMargin: Infinity,
      extraKeys: {'Ctrl-Enter': submit, 'Cmd-Enter': submit}
    });
  });

  // The editors fill their resizable boxes (platform.css); CodeMirror measures itself again when a box changes size.
  if (window.ResizeObserver) {
    const resized = new window.ResizeObserver(function () {
      editors.forEach(function (editor) { editor.refresh(); });
    });
    form.querySelectorAll('.editor-file').forEach(function (box) { resized.observe(box); });
  }

  // CodeMirror copies its text back into the text areas on submit; a second click must not submit twice.
  form.addEventListener('submit', function () {
    submitButton.disabled = true;
    submitButton.textContent = 'Submitting…';
  });

  document.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    }
  });

  const reset = document.getElementById('reset-link');
  reset.addEventListener('click', function (event) {
    const edited = editors.some(function (editor) { return !editor.isClean(); });
    if (edited && !window.confirm('Throw away your edits and load the starter code?')) {
      event.preventDefault();
    }
  });
})();
