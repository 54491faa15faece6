// Moderation pages: the error summary takes focus when a form comes back with errors (GOV.UK's
// pattern), so a screen reader hears what to fix first.
(() => {
    "use strict";
    const summary = document.querySelector(".error-summary");
    if (summary) summary.focus();
})();
