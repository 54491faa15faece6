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
            // Every answer meant for the script is JSON, refusals too (a vote over the budget, a review gone), with
            // a message to show here; anything else (a proxy's page, a busy database) goes the no-script way.
            if (!(response.headers.get("Content-Type") || "").includes("application/json")) throw new Error(String(response.status));
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

// Review form: the button is disabled once the form is sent, so a double click posts one review (the server
// also takes a repeated post as the review already posted). A page restored from the back/forward cache gets
// it back. Without script the form posts as ever.
(() => {
    "use strict";
    document.addEventListener("submit", event => {
        const form = event.target;
        if (event.defaultPrevented || !(form instanceof HTMLFormElement) || !form.matches("form.review-form")) return;
        // After this event: the submission is built once it ends, and a disabled submitter would be left out of it.
        setTimeout(() => form.querySelectorAll("button[type=submit]").forEach(b => (b.disabled = true)));
    });
    window.addEventListener("pageshow", () => {
        document.querySelectorAll("form.review-form button[type=submit]").forEach(b => (b.disabled = false));
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

// "Read more": a text that fits in its lines anyway loses the toggle (without script it is harmless).
(() => {
    "use strict";
    const check = () => {
        for (const clamp of document.querySelectorAll(".clamp")) {
            const body = clamp.querySelector(".clamp-body");
            const toggle = clamp.querySelector(".clamp-toggle");
            if (!body || !toggle || toggle.checked) continue;
            clamp.classList.toggle("fits", body.scrollHeight <= body.clientHeight + 2);
        }
    };
    // A sideways row is a tab stop only where it scrolls.
    const rows = () => {
        for (const row of document.querySelectorAll("[data-scroll-row]")) {
            if (row.scrollWidth > row.clientWidth + 2) row.setAttribute("tabindex", "0");
            else row.removeAttribute("tabindex");
        }
    };
    check();
    rows();
    window.addEventListener("resize", () => {
        check();
        rows();
    }, { passive: true });
})();

// The page-wide spoiler switch: the choice is this browser's (localStorage), never the cached page's.
(() => {
    "use strict";
    const key = "filmcatalog.hideSpoilers";
    const stored = () => {
        try {
            return localStorage.getItem(key) === "yes";
        } catch {
            return false;
        }
    };
    const apply = hide => {
        document.documentElement.classList.toggle("spoilers-hidden", hide);
        const hidden = hide ? document.querySelectorAll("[data-spoiler]").length : 0;
        for (const button of document.querySelectorAll("[data-spoiler-switch]")) {
            button.setAttribute("aria-pressed", String(hide));
            const note = button.closest(".spoiler-switch")?.querySelector(".spoiler-note");
            if (note) note.textContent = hidden > 0 ? `${hidden} ${hidden === 1 ? "item" : "items"} with spoilers hidden` : "";
        }
    };
    for (const container of document.querySelectorAll(".spoiler-switch")) container.hidden = false;
    apply(stored());
    document.addEventListener("click", event => {
        const button = event.target instanceof Element ? event.target.closest("[data-spoiler-switch]") : null;
        if (!button) return;
        const hide = button.getAttribute("aria-pressed") !== "true";
        try {
            localStorage.setItem(key, hide ? "yes" : "no");
        } catch {
            // Storage refused (private mode): the choice holds for this page only.
        }
        apply(hide);
    });
})();

// The error summary takes focus when a form comes back with errors (GOV.UK's pattern), and a link to a
// field focuses the field, not only scrolls to it.
(() => {
    "use strict";
    const summary = document.querySelector(".error-summary");
    if (!summary) return;
    summary.focus();
    summary.addEventListener("click", event => {
        const link = event.target instanceof Element ? event.target.closest("a[href^='#']") : null;
        const field = link && document.getElementById(link.getAttribute("href").slice(1));
        if (!field) return;
        event.preventDefault();
        (field.closest("fieldset")?.querySelector("legend") ?? field.labels?.[0] ?? field).scrollIntoView();
        field.focus({ preventScroll: true });
    });
})();
