// "Start again" after a session ended opens a fresh session (a new app process).
window.addEventListener("DOMContentLoaded", () => {
  document.getElementById("restart")?.addEventListener("click", () => window.location.reload());
});
