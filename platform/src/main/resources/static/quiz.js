// Self-check quizzes. Each .quiz section carries its right choice in data-answer: these questions
// help readers check their understanding, they grade nothing, so the answer need not be hidden.
// Choosing marks the right choice (and a wrong pick), then shows the explanation.
//
// Choices arrive in the order the author wrote them and are shuffled here, afresh on every page
// load. Per page load rather than per learner: the static site has no learner to key an order on,
// and a reader who comes back to a lesson should recall the reason, not the position. The lessons
// also spread right answers over all positions in source order, so readers without JavaScript see
// no pattern either. data-choice keeps each choice's source number, which is what gets checked.
(function () {
  'use strict';

  function randomBelow(n) {
    const word = new Uint32Array(1);
    window.crypto.getRandomValues(word);
    return word[0] % n;
  }

  // Fisher-Yates over the list items, moving the elements themselves so that screen readers and
  // keyboard order follow what is shown.
  function shuffle(list) {
    const items = Array.from(list.children);
    for (let i = items.length - 1; i > 0; i--) {
      const j = randomBelow(i + 1);
      const swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    items.forEach(function (item) {
      list.appendChild(item);
    });
  }

  function answer(quiz, chosen) {
    const right = quiz.dataset.answer;
    const correct = chosen.dataset.choice === right;
    quiz.querySelectorAll('.quiz-choice').forEach(function (choice) {
      choice.disabled = true;
      if (choice.dataset.choice === right) {
        choice.classList.add('is-right');
      } else if (choice === chosen) {
        choice.classList.add('is-wrong');
      }
    });
    chosen.setAttribute('aria-pressed', 'true');
    quiz.classList.add(correct ? 'answered-right' : 'answered-wrong');
    quiz.querySelector('.quiz-verdict').textContent =
        correct ? 'Correct.' : 'Not quite: the right answer is marked.';
    quiz.querySelector('.quiz-feedback').hidden = false;
  }

  document.querySelectorAll('.quiz').forEach(function (quiz) {
    shuffle(quiz.querySelector('.quiz-choices'));
    quiz.addEventListener('click', function (event) {
      const choice = event.target.closest('.quiz-choice');
      if (choice && !choice.disabled) {
        answer(quiz, choice);
      }
    });
  });
})();
