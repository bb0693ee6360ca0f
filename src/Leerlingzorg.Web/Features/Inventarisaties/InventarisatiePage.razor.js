// The inventarisatieformulier from the keyboard: arrow keys move between the cells without a round trip over the circuit
// (Tab moves as usual), a judgement typed (1/2/3, G/A/Z) moves on to the next cell, Enter in a remark goes to the next
// student's first cell. The value itself is the server's: Blazor's own key handler on the cell saves it.
// Imported by the page; the module runs once, and listens on the window in the capture phase.
const keuze = new Set(["1", "2", "3", "g", "a", "z", "G", "A", "Z"]);

function cel(tabel, rij, kol) {
    return tabel.querySelector(`[data-inv-cel][data-rij="${rij}"][data-kol="${kol}"]`);
}

window.addEventListener("keydown", e => {
    const doel = e.target;
    if (!(doel instanceof HTMLElement) || e.ctrlKey || e.altKey || e.metaKey) {
        return;
    }
    const huidige = doel.closest("[data-inv-cel]");
    const tabel = huidige?.closest("[data-inventarisatie]");
    if (!huidige || !tabel) {
        return;
    }
    const invoer = doel instanceof HTMLInputElement;
    const rij = Number(huidige.dataset.rij);
    const kol = Number(huidige.dataset.kol);
    let doelcel = null;
    switch (e.key) {
        case "ArrowUp": doelcel = cel(tabel, rij - 1, kol); break;
        case "ArrowDown": doelcel = cel(tabel, rij + 1, kol); break;
        case "ArrowLeft": if (invoer) { return; } doelcel = cel(tabel, rij, kol - 1); break;
        case "ArrowRight": if (invoer) { return; } doelcel = cel(tabel, rij, kol + 1); break;
        case "Enter": if (!invoer) { return; } doelcel = cel(tabel, rij + 1, 0); break;
        default:
            if (!invoer && keuze.has(e.key)) {
                // Let the key reach Blazor first (it reads the cell the event was on), then move on.
                const volgende = cel(tabel, rij, kol + 1);
                if (volgende) {
                    setTimeout(() => volgende.focus(), 0);
                }
            } else if (!invoer && (e.key === " " || e.key === "Backspace")) {
                e.preventDefault();
            }
            return;
    }
    e.preventDefault();
    doelcel?.focus();
}, true);
