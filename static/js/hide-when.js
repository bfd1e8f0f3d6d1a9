// Mẫu 03 section h (the caregiver's views) is not asked when the caregiver is the
// perpetrator (NĐ 56 Điều 27.1.h): hide it while the box is ticked. The server
// clears it too, so this is comfort, not the rule.
(function () {
  "use strict";
  document.querySelectorAll("[data-hide-when]").forEach(function (field) {
    var box = document.getElementById(field.dataset.hideWhen);
    var wrapper = field.closest(".mb-3") || field.parentElement;
    if (!box || !wrapper) { return; }
    function sync() { wrapper.hidden = box.checked; }
    box.addEventListener("change", sync);
    sync();
  });
})();
