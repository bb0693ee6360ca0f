// A lone surrogate (half an emoji, from a broken paste or a script) in a text field makes the event's data invalid
// UTF-16: the server cannot read it and drops the whole event without a word, so the field would show text the server
// never got, and saving would store what was there before. The server removes lone surrogates anyway (Tekst.Veilig),
// so they are removed here, on the window in the capture phase: before Blazor, listening on the document, reads the value.
const los = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function heel(e) {
    const veld = e.target;
    if (!(veld instanceof HTMLInputElement || veld instanceof HTMLTextAreaElement)) {
        return;
    }
    const waarde = veld.value;
    if (typeof waarde !== "string" || waarde.isWellFormed?.() !== false) {
        return;
    }
    // The cursor stays where it was, less what went before it.
    const cursor = veld.selectionStart;
    const voor = cursor === null ? null : waarde.slice(0, cursor).replace(los, "").length;
    veld.value = waarde.replace(los, "");
    if (voor !== null && document.activeElement === veld) {
        veld.setSelectionRange(voor, voor);
    }
}

window.addEventListener("input", heel, true);
window.addEventListener("change", heel, true);
