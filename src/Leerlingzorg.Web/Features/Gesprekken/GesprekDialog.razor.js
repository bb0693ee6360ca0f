// Typing stays in the browser: the fields bind on change, so a keystroke costs no round trip over the circuit.
// So that a draft still reaches the server while someone types without leaving the field, the browser sends the
// field's value (a change event) once typing pauses, and before Ctrl+Enter or Escape.
const pauze = 800;

export function bewaarTerwijlJeTypt(dialoog) {
    if (!dialoog || dialoog.dataset.bewaren) {
        return;
    }
    dialoog.dataset.bewaren = "aan";
    let wachtend = null;
    let veld = null;
    const stuur = () => {
        clearTimeout(wachtend);
        wachtend = null;
        if (veld && veld.isConnected) {
            veld.dispatchEvent(new Event("change", { bubbles: true }));
        }
        veld = null;
    };
    dialoog.addEventListener("input", e => {
        if (!(e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement)) {
            return;
        }
        if (veld && veld !== e.target) {
            stuur();
        }
        veld = e.target;
        clearTimeout(wachtend);
        wachtend = setTimeout(stuur, pauze);
    });
    // Ctrl+Enter and Escape act on what is on the screen: the pending text goes first, then (as after a mouse
    // click, which blurs the field before it clicks) the button, in a later task. Captured here, so the server's
    // own key handler (the fallback without this script) does not see the key as well.
    dialoog.addEventListener("keydown", e => {
        const opslaan = e.key === "Enter" && (e.ctrlKey || e.metaKey);
        if (!opslaan && e.key !== "Escape") {
            return;
        }
        const knop = knopBij(dialoog, opslaan ? "gesprek-opslaan" : "gesprek-annuleren");
        if (!knop) {
            return;
        }
        e.preventDefault();
        e.stopPropagation();
        stuur();
        setTimeout(() => knop.click(), 50);
    }, true);
    // Leaving the field sends its change event by itself.
    dialoog.addEventListener("focusout", e => {
        if (e.target === veld) {
            clearTimeout(wachtend);
            wachtend = null;
            veld = null;
        }
    });
}

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
