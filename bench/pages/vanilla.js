// The lower bound: a hand-written banner, no framework, no wasm, no validation, no i18n.
// Fetch Statuspage's summary.json and show the most important unresolved incident.
const RANK = { critical: 0, major: 1, minor: 2, none: 3, maintenance: 4 };
const slot = document.getElementById("vanilla-banner");
try {
  const res = await fetch("/api/v2/summary.json", { credentials: "omit" });
  const doc = await res.json();
  const open = (doc.incidents ?? []).filter((i) => i.status !== "resolved" && i.status !== "postmortem");
  open.sort((a, b) => (RANK[a.impact] ?? 9) - (RANK[b.impact] ?? 9));
  const top = open[0];
  if (top) {
    const root = slot.attachShadow({ mode: "open" });
    const box = document.createElement("section");
    box.setAttribute("role", top.impact === "critical" ? "alert" : "status");
    box.style.cssText = "border:1px solid #b3261e;border-left:6px solid #b3261e;padding:8px 12px;font:15px system-ui";
    const title = document.createElement("strong");
    title.className = "title";
    title.textContent = top.name;
    const mins = Math.floor((Date.now() - Date.parse(top.started_at ?? top.created_at)) / 60000);
    const since = document.createElement("span");
    since.textContent = ` for ${Math.floor(mins / 60)} h ${mins % 60} min`;
    box.append(title, since);
    const update = top.incident_updates?.[0];
    if (update) {
      const p = document.createElement("p");
      p.textContent = update.body;
      box.append(p);
    }
    if (open.length > 1) box.append(` +${open.length - 1} more`);
    root.append(box);
  }
} catch (e) {
  slot.textContent = "Could not load the status.";
}
