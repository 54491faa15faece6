// Progressive enhancement only: every form works without this script.
// Helpful votes: the page's Yes/No forms GET a confirmation page; with script on, the vote is posted
// here with this visitor's antiforgery token and the counts update in place.
(() => {
    "use strict";

    let tokenRequest = null;
    const token = () => {
        tokenRequest ??= fetch("/antiforgery/token", { credentials: "same-origin", cache: "no-store" })
            .then(response => (response.ok ? response.json() : Promise.reject(response.status)))
            .then(body => body.token)
            .catch(error => {
                tokenRequest = null;
                throw error;
            });
        return tokenRequest;
    };

    document.addEventListener("submit", async event => {
        const form = event.target;
        if (!(form instanceof HTMLFormElement) || !form.matches("form.vote-form")) return;
        const button = event.submitter;
        if (!button || !button.value) return;
        event.preventDefault();

        const status = form.querySelector(".vote-status");
        const counts = form.closest("article")?.querySelector(".helpful-count");
        form.querySelectorAll("button").forEach(b => (b.disabled = true));
        try {
            const body = new URLSearchParams({ helpful: button.value });
            const response = await fetch(form.action, {
                method: "POST",
                credentials: "same-origin",
                headers: { Accept: "application/json", RequestVerificationToken: await token() },
                body,
            });
            const result = await response.json();
            if (status) status.textContent = result.message;
            if (counts && response.ok) {
                counts.textContent = `${result.helpful} of ${result.voted} ${result.voted === 1 ? "person" : "people"} found this review helpful.`;
            }
            form.querySelectorAll("button").forEach(b => b.setAttribute("aria-pressed", String(response.ok && b.value === button.value)));
        } catch {
            // Fall back to the no-script path: the confirmation page.
            window.location.assign(`${form.action}?helpful=${encodeURIComponent(button.value)}`);
            return;
        } finally {
            form.querySelectorAll("button").forEach(b => (b.disabled = false));
        }
    });
})();

// Review form: how many characters are written, against the form's own limits, as the visitor types.
(() => {
    "use strict";
    for (const area of document.querySelectorAll("textarea[data-counter]")) {
        const output = document.getElementById(area.dataset.counter);
        if (!output) continue;
        const min = Number(area.dataset.min || 0);
        const max = area.maxLength;
        const show = () => {
            const length = area.value.length;
            const format = n => n.toLocaleString("en");
            output.textContent = length < min
                ? `${format(length)} characters: ${format(min - length)} more to go`
                : `${format(length)} of ${format(max)} characters`;
        };
        area.addEventListener("input", show);
        show();
    }
})();
