// Keeps what a reporter typed on the phone until the report is sent: a dropped
// connection on a mountain network must not lose it. The hidden submission key is
// kept too, so sending again after a failure cannot create a second report.
(function () {
  "use strict";
  var store;
  try { store = window.localStorage; } catch (e) { return; }
  if (!store) { return; }

  var sent = document.getElementById("draft-sent");
  if (sent) {
    var key = sent.dataset.draftKey;
    var saved = JSON.parse(store.getItem(key) || "{}");
    if (sent.dataset.sent && saved.idempotency_key === sent.dataset.sent) {
      store.removeItem(key);
    }
    return;
  }

  var form = document.getElementById("report-form");
  if (!form) { return; }
  var draftKey = form.dataset.draftKey;  // one per user: phones are shared
  // The informant's identity is never left on the phone (NĐ 56 Điều 24).
  var skip = {
    csrfmiddlewaretoken: true, anonymous: true, informant_name: true, informant_phone: true
  };
  var MAX_AGE_MS = 24 * 60 * 60 * 1000;

  function save() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || skip[el.name]) { return; }
      if (el.type === "radio") { if (el.checked) { data[el.name] = el.value; } return; }
      if (el.type === "checkbox") { data[el.name] = el.checked; return; }
      data[el.name] = el.value;
    });
    data._savedAt = Date.now();
    store.setItem(draftKey, JSON.stringify(data));
  }

  function restore() {
    var data = JSON.parse(store.getItem(draftKey) || "null");
    // A page that came back with errors already shows what was sent; a draft
    // older than a day is stale.
    if (!data || form.querySelector(".is-invalid")) { return; }
    if (!data._savedAt || Date.now() - data._savedAt > MAX_AGE_MS) {
      store.removeItem(draftKey);
      return;
    }
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || !(el.name in data)) { return; }
      if (el.type === "radio") { el.checked = el.value === data[el.name]; return; }
      if (el.type === "checkbox") { el.checked = !!data[el.name]; return; }
      el.value = data[el.name];
    });
    var note = document.getElementById("draft-restored");
    if (note) { note.hidden = false; }
  }

  restore();
  save();
  form.addEventListener("input", save);
  form.addEventListener("change", save);
})();
