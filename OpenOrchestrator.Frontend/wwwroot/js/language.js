// The languages the browser asks for, best first, and the page's lang attribute once the app chose one.
window.ooLanguage = {
    browser: () => Array.from(navigator.languages ?? [navigator.language]),
    setPage: (lang) => { document.documentElement.lang = lang; },
};
