// antq review: keyboard shortcuts, queue cursor, confirmations. Plain JS, no dependencies.
(function () {
  "use strict";

  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  function activate(el) {
    if (!el) return false;
    if (el.tagName === "FORM") {
      el.requestSubmit();
    } else if (el.tagName === "A") {
      window.location.assign(el.href);
    } else {
      el.click();
    }
    return true;
  }

  // Queue page: a cursor over the rows; a / r / o act on the selected row.
  var rows = Array.prototype.slice.call(document.querySelectorAll("[data-queue-row]"));
  var cursor = -1;

  function select(index) {
    if (!rows.length) return;
    index = Math.max(0, Math.min(rows.length - 1, index));
    if (cursor >= 0 && rows[cursor]) rows[cursor].classList.remove("selected");
    cursor = index;
    rows[cursor].classList.add("selected");
    rows[cursor].scrollIntoView({ block: "nearest" });
  }

  if (rows.length) select(0);

  var rowKeys = { a: "a", r: "r", e: "e", o: "o", Enter: "o" };

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    var key = event.key;
    if (typing(event.target) && key !== "Escape") return;
    if (rows.length) {
      if (key === "j") { select(cursor + 1); event.preventDefault(); return; }
      if (key === "k") { select(cursor - 1); event.preventDefault(); return; }
      var row = rows[cursor];
      if (row && key === "x") {
        var box = row.querySelector("input[type=checkbox]");
        if (box) box.checked = !box.checked;
        event.preventDefault();
        return;
      }
      if (row && rowKeys[key]) {
        var target = row.querySelector('[data-row-key="' + rowKeys[key] + '"]');
        if (target) { event.preventDefault(); activate(target); return; }
      }
    }
    var el = document.querySelector('[data-key="' + (window.CSS && CSS.escape ? CSS.escape(key) : key) + '"]');
    if (el) { event.preventDefault(); activate(el); }
  });

  // Forms that change many records ask first.
  document.querySelectorAll("form[data-confirm]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (!window.confirm(form.getAttribute("data-confirm"))) event.preventDefault();
    });
  });

  var all = document.getElementById("check-all");
  if (all) {
    all.addEventListener("change", function () {
      document.querySelectorAll('#bulk input[name="item"]').forEach(function (box) { box.checked = all.checked; });
    });
  }

  // Tell whoever waits (people do not, browser tests do) that the keys now work.
  document.documentElement.setAttribute("data-keys", "ready");

  // Record page: bring the evidence into view inside the article pane, and only there:
  // scrolling the window would hide the menu and a conflict message above the record.
  // The pane ends at the bottom of the window, whatever stands above it (a message, a conflict).
  var mark = document.getElementById("evidence");
  var pane = mark && mark.closest(".article-pane");
  if (pane) {
    var room = window.innerHeight - pane.getBoundingClientRect().top - 12;
    var wide = window.matchMedia("(min-width: 901px)").matches; // narrow: one column, no inner scroll
    if (wide && room > 240) pane.style.maxHeight = room + "px";
    if (mark.textContent && pane.scrollHeight > pane.clientHeight) {
      pane.scrollTop = Math.max(0, mark.offsetTop - pane.clientHeight / 3);
    } else if (mark.textContent && !wide && !document.getElementById("conflict")) {
      mark.scrollIntoView({ block: "center" }); // one column: the page itself scrolls
    }
  }
})();
