// Syntax highlighting for fenced code blocks (class="language-xxx"), by highlight.js when it loaded.
(function () {
  'use strict';
  if (window.hljs) {
    window.hljs.highlightAll();
  }
})();
