// Sorting, filtering, language switch and printing. Reads only data-* attributes and
// textContent: seller text never passes through innerHTML.
(function () {
  "use strict";
  var body = document.body;
  var rows = Array.prototype.slice.call(document.querySelectorAll("#listings tbody tr"));
  var cards = {};
  document.querySelectorAll(".card").forEach(function (c) { cards[c.dataset.index] = c; });
  var filter = document.getElementById("filter");
  var readiness = document.getElementById("readiness");
  var seller = document.getElementById("seller");
  var shown = document.getElementById("shown");

  function apply() {
    var q = filter.value.trim().toLowerCase();
    var r = readiness.value, s = seller.value, n = 0;
    rows.forEach(function (row) {
      var ok = (!q || row.dataset.search.indexOf(q) !== -1) &&
               (!r || row.dataset.readiness === r) && (!s || row.dataset.seller === s);
      row.hidden = !ok;
      var card = cards[row.dataset.index];
      if (card) {
        card.hidden = !ok;
        card.classList.toggle("first-shown", ok && n === 0);  // printed without a page break
      }
      if (ok) { n += 1; }
    });
    shown.textContent = String(n);
    document.getElementById("print-title").textContent = s;
  }
  [filter, readiness, seller].forEach(function (el) {
    el.addEventListener("input", apply);
    el.addEventListener("change", apply);
  });

  document.querySelectorAll("#listings th").forEach(function (th, col) {
    th.addEventListener("click", function () {
      var asc = th.getAttribute("aria-sort") !== "ascending";
      document.querySelectorAll("#listings th").forEach(function (h) {
        h.removeAttribute("aria-sort");
      });
      th.setAttribute("aria-sort", asc ? "ascending" : "descending");
      var numeric = th.dataset.type === "num";
      var tbody = document.querySelector("#listings tbody");
      rows.sort(function (a, b) {
        var x = a.children[col].dataset.key, y = b.children[col].dataset.key;
        var d = numeric ? (parseFloat(x) - parseFloat(y)) : x.localeCompare(y);
        if (isNaN(d)) { d = 0; }
        return asc ? d : -d;
      });
      rows.forEach(function (row) { tbody.appendChild(row); });
    });
  });

  document.querySelectorAll("[data-set-lang]").forEach(function (b) {
    b.addEventListener("click", function () {
      body.dataset.lang = b.dataset.setLang;
      document.documentElement.lang = b.dataset.setLang;
      document.querySelectorAll("[data-i18n]").forEach(function (el) {
        var word = el.getAttribute("data-i18n-" + b.dataset.setLang) || "";
        if (el.dataset.i18n === "placeholder") { el.placeholder = word; }
        else { el.textContent = word; }
      });
      document.querySelectorAll("[data-set-lang]").forEach(function (o) {
        o.setAttribute("aria-pressed", String(o === b));
      });
    });
  });
  document.getElementById("print").addEventListener("click", function () { window.print(); });

  // A link like index.html#seller=Dapur%20Mbok%20Sri&lang=en opens one seller's page.
  var wanted = new URLSearchParams(location.hash.slice(1));
  if (wanted.has("q")) { filter.value = wanted.get("q"); }
  if (wanted.has("readiness")) { readiness.value = wanted.get("readiness"); }
  if (wanted.has("seller")) { seller.value = wanted.get("seller"); }
  var langButton = document.querySelector('[data-set-lang="' + wanted.get("lang") + '"]');
  if (wanted.has("lang") && langButton) { langButton.click(); }
  apply();
})();
