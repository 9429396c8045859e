// Self-check quizzes. Each .quiz section carries its right choice in data-answer: these questions
// help readers check their understanding, they grade nothing, so the answer need not be hidden.
// Choosing marks the right choice (and a wrong pick), then shows the explanation.
(function () {
  'use strict';

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
    quiz.addEventListener('click', function (event) {
      const choice = event.target.closest('.quiz-choice');
      if (choice && !choice.disabled) {
        answer(quiz, choice);
      }
    });
  });
})();
