// Search suggestions: the ARIA 1.2 combobox pattern (editable, list autocomplete) over the plain
// GET search form, which works as it is without script. An input with data-suggest="/search/suggest"
// asks that endpoint as the visitor types (debounced; a newer question cancels the older one) and
// lists titles and people under it. Down and Up move through them, Enter opens the one chosen (or
// submits the form when none is), Escape closes the list, then clears the box.
(() => {
    "use strict";

    const MinLength = 2;
    const DelayMs = 150;
    let created = 0;

    for (const input of document.querySelectorAll("input[data-suggest]")) {
        setUp(input);
    }

    function setUp(input) {
        const id = `suggest-${++created}`;
        const wrapper = document.createElement("div");
        wrapper.className = "suggest";
        input.parentNode.insertBefore(wrapper, input);
        wrapper.appendChild(input);

        const listbox = document.createElement("div");
        listbox.id = `${id}-list`;
        listbox.className = "suggest-list";
        listbox.setAttribute("role", "listbox");
        listbox.setAttribute("aria-label", "Suggestions");
        listbox.hidden = true;
        wrapper.appendChild(listbox);

        const status = document.createElement("div");
        status.className = "visually-hidden";
        status.setAttribute("role", "status");
        wrapper.appendChild(status);

        input.setAttribute("role", "combobox");
        input.setAttribute("aria-autocomplete", "list");
        input.setAttribute("aria-expanded", "false");
        input.setAttribute("aria-controls", listbox.id);

        let timer = 0;
        let pending = null;
        let options = [];
        let active = -1;
        let shownFor = null;

        input.addEventListener("input", () => {
            window.clearTimeout(timer);
            timer = window.setTimeout(ask, DelayMs);
        });

        input.addEventListener("keydown", (event) => {
            switch (event.key) {
                case "ArrowDown":
                    if (options.length === 0) return;
                    event.preventDefault();
                    if (listbox.hidden) open();
                    choose(active + 1 >= options.length ? 0 : active + 1);
                    break;
                case "ArrowUp":
                    if (options.length === 0) return;
                    event.preventDefault();
                    if (listbox.hidden) open();
                    choose(active <= 0 ? options.length - 1 : active - 1);
                    break;
                case "Enter":
                    if (!listbox.hidden && active >= 0) {
                        event.preventDefault();
                        go(options[active]);
                    }
                    break;
                case "Escape":
                    if (!listbox.hidden) {
                        event.preventDefault();
                        close();
                    } else if (input.value !== "") {
                        event.preventDefault();
                        input.value = "";
                        clear();
                    }
                    break;
            }
        });

        input.addEventListener("blur", () => close());
        input.addEventListener("focus", () => {
            if (options.length > 0 && shownFor === input.value.trim()) open();
        });

        // A press on an option must not blur the input (which would close the list before the click).
        listbox.addEventListener("mousedown", (event) => event.preventDefault());
        listbox.addEventListener("click", (event) => {
            const option = event.target.closest("[role=option]");
            if (option) go(option);
        });

        async function ask() {
            const text = input.value.trim();
            if (text.length < MinLength) {
                clear();
                return;
            }
            if (text === shownFor) {
                if (options.length > 0) open();
                return;
            }

            pending?.abort();
            const controller = new AbortController();
            pending = controller;
            try {
                const url = `${input.dataset.suggest}?q=${encodeURIComponent(text)}`;
                const response = await fetch(url, { signal: controller.signal, headers: { Accept: "application/json" } });
                if (!response.ok) return;
                const answer = await response.json();
                if (controller.signal.aborted || input.value.trim() !== text) return;
                show(text, answer);
            } catch (error) {
                if (error.name !== "AbortError") clear();
            } finally {
                if (pending === controller) pending = null;
            }
        }

        function show(text, answer) {
            listbox.replaceChildren();
            options = [];
            active = -1;
            shownFor = text;
            input.removeAttribute("aria-activedescendant");
            group("Titles", answer.titles ?? []);
            group("People", answer.people ?? []);

            if (options.length === 0) {
                close();
                status.textContent = "No suggestions.";
                return;
            }
            open();
        }

        function group(label, items) {
            if (items.length === 0) return;
            const element = document.createElement("div");
            element.setAttribute("role", "group");
            const heading = document.createElement("div");
            heading.id = `${id}-${label.toLowerCase()}`;
            heading.className = "suggest-group";
            heading.setAttribute("role", "presentation");
            heading.textContent = label;
            element.setAttribute("aria-labelledby", heading.id);
            element.appendChild(heading);

            for (const item of items) {
                const option = document.createElement("div");
                option.id = `${id}-option-${options.length}`;
                option.className = "suggest-option";
                option.setAttribute("role", "option");
                option.setAttribute("aria-selected", "false");
                option.dataset.url = item.url;

                const name = document.createElement("span");
                name.className = "suggest-label";
                name.textContent = item.label;
                option.appendChild(name);
                const detail = [item.detail, item.note].filter(Boolean).join(" \u00b7 ");
                if (detail) {
                    const small = document.createElement("span");
                    small.className = "suggest-detail";
                    small.textContent = detail;
                    option.appendChild(small);
                }
                element.appendChild(option);
                options.push(option);
            }
            listbox.appendChild(element);
        }

        function choose(index) {
            if (active >= 0) options[active].setAttribute("aria-selected", "false");
            active = index;
            const option = options[active];
            option.setAttribute("aria-selected", "true");
            input.setAttribute("aria-activedescendant", option.id);
            option.scrollIntoView({ block: "nearest" });
        }

        function go(option) {
            close();
            window.location.assign(option.dataset.url);
        }

        function open() {
            listbox.hidden = false;
            input.setAttribute("aria-expanded", "true");
            status.textContent = `${options.length} suggestion${options.length === 1 ? "" : "s"}; use the up and down arrow keys to choose one.`;
        }

        // Closed, the list has nothing to announce: the status would keep "10 suggestions..." for a list no longer there.
        function close() {
            listbox.hidden = true;
            status.textContent = "";
            input.setAttribute("aria-expanded", "false");
            input.removeAttribute("aria-activedescendant");
            if (active >= 0) options[active].setAttribute("aria-selected", "false");
            active = -1;
        }

        function clear() {
            pending?.abort();
            close();
            listbox.replaceChildren();
            options = [];
            shownFor = null;
            status.textContent = "";
        }
    }
})();
