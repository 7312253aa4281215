// The browser's offset from UTC in minutes, for times shown in the user's zone.
window.ooUtcOffsetMinutes = () => -new Date().getTimezoneOffset();
