// Escape closes what a click opened (a menu, the bell's list, the emoji picker), as a click beside it does:
// MudBlazor closes a menu through a click on its overlay, and hears Escape only while focus is inside the menu.
// Caught before anything else hears it, so a dialog under an open menu stays open; a dialog's own overlay is left alone.
document.addEventListener('keydown', event => {
    if (event.key !== 'Escape' || !document.querySelector('.mud-popover-open')) {
        return;
    }

    const overlay = [...document.querySelectorAll('.mud-overlay:not(.mud-overlay-dialog)')].at(-1);
    if (!overlay) {
        return;
    }

    const opener = [...document.querySelectorAll('[aria-expanded="true"]')].at(-1);
    event.stopPropagation();
    event.preventDefault();
    overlay.click();
    opener?.focus();
}, true);
