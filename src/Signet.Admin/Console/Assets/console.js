// Signet console: the copy buttons and the switch to the escaped DKIM DNS string. No inline script anywhere.
"use strict";

document.addEventListener("click", async (event) => {
  const button = event.target.closest("button[data-copy]");
  if (!button) return;
  const box = document.getElementById(button.dataset.copy);
  if (!box) return;
  let copied = false;
  try {
    await navigator.clipboard.writeText(box.value);
    copied = true;
  } catch {
    box.select();
    copied = document.execCommand && document.execCommand("copy");
  }
  const label = button.textContent;
  button.textContent = copied ? "Copied" : "Select and copy";
  setTimeout(() => { button.textContent = label; }, 2000);
});

// The escaped form is what a given DNS panel wants or not: the choice is kept per browser and applied to every record.
const escapeChoice = "signet.escapeDnsString";

function showEscaped(toggle, escaped) {
  const box = document.getElementById(toggle.dataset.escapeFor);
  if (!box) return;
  toggle.checked = escaped;
  box.value = escaped ? box.dataset.escaped : box.dataset.plain;
  box.rows = Math.min(8, Math.max(2, Math.ceil(box.value.length / 96)));
}

function rememberedEscape() {
  try { return localStorage.getItem(escapeChoice) === "true"; } catch { return false; }
}

document.addEventListener("change", (event) => {
  const toggle = event.target.closest("input[data-escape-for]");
  if (!toggle) return;
  try { localStorage.setItem(escapeChoice, String(toggle.checked)); } catch { /* storage off: the choice lasts this page */ }
  document.querySelectorAll("input[data-escape-for]").forEach((t) => showEscaped(t, toggle.checked));
});

if (rememberedEscape()) {
  document.querySelectorAll("input[data-escape-for]").forEach((t) => showEscaped(t, true));
}
