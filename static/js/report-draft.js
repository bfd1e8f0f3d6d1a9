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
  var draftKey = form.dataset.draftKey;
  var skip = { csrfmiddlewaretoken: true };

  function save() {
    var data = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (!el.name || skip[el.name]) { return; }
      if (el.type === "radio") { if (el.checked) { data[el.name] = el.value; } return; }
      if (el.type === "checkbox") { data[el.name] = el.checked; return; }
      data[el.name] = el.value;
    });
    store.setItem(draftKey, JSON.stringify(data));
  }

  function restore() {
    var data = JSON.parse(store.getItem(draftKey) || "null");
    // A page that came back with errors already shows what was sent.
    if (!data || form.querySelector(".is-invalid")) { return; }
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
