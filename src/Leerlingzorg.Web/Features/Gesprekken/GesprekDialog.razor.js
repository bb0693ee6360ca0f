// Typing stays in the browser: the fields bind on change, so a keystroke costs no round trip over the circuit.
// So that a draft still reaches the server while someone types without leaving the field, the browser sends the
// field's value (a change event) once typing pauses, and before Ctrl+Enter or Escape.
// Loaded once with the page (App.razor) and listening on the window, so it works from the dialog's first keystroke:
// attaching it per dialog over the circuit raced a user who typed and pressed Ctrl+Enter at once.
const pauze = 800;
const dialoogSelector = "[data-bewaren-terwijl-je-typt]";

let wachtend = null;
let veld = null;

function stuur() {
    clearTimeout(wachtend);
    wachtend = null;
    if (veld && veld.isConnected) {
        veld.dispatchEvent(new Event("change", { bubbles: true }));
    }
    veld = null;
}

window.addEventListener("input", e => {
    const doel = e.target;
    if (!(doel instanceof HTMLInputElement || doel instanceof HTMLTextAreaElement) || !doel.closest(dialoogSelector)) {
        return;
    }
    if (veld && veld !== doel) {
        stuur();
    }
    veld = doel;
    clearTimeout(wachtend);
    wachtend = setTimeout(stuur, pauze);
}, true);

// Ctrl+Enter and Escape act on what is on the screen: the pending text goes first, then (as after a mouse click,
// which blurs the field before it clicks) the button, in a later task. Captured on the window, so the server's own
// key handler (the fallback without this script) does not see the key as well.
window.addEventListener("keydown", e => {
    const opslaan = e.key === "Enter" && (e.ctrlKey || e.metaKey);
    if (!opslaan && e.key !== "Escape") {
        return;
    }
    const dialoog = e.target instanceof Element ? e.target.closest(dialoogSelector) : null;
    const knop = dialoog ? knopBij(dialoog, opslaan ? "gesprek-opslaan" : "gesprek-annuleren") : null;
    if (!knop) {
        return;
    }
    e.preventDefault();
    e.stopPropagation();
    if (veld) {
        stuur();
    }
    setTimeout(() => knop.click(), 50);
}, true);

// Leaving the field sends its change event by itself.
window.addEventListener("focusout", e => {
    if (e.target === veld) {
        clearTimeout(wachtend);
        wachtend = null;
        veld = null;
    }
}, true);

// The buttons are in the dialog's actions, next to the content: the nearest ancestor that holds one.
function knopBij(element, testId) {
    for (let el = element; el; el = el.parentElement) {
        const knop = el.querySelector(`[data-testid="${testId}"]`);
        if (knop) {
            return knop;
        }
    }
    return null;
}
