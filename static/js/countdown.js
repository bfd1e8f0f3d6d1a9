// The 12-hour emergency clock (NĐ 56/2017 Điều 26.3): keeps each countdown badge
// current without reloading. The server rendered the first value and its own
// time, so a phone whose clock is wrong still counts from the right moment.
(function () {
  "use strict";
  var badges = document.querySelectorAll("[data-countdown]");
  if (!badges.length) { return; }
  var serverNow = Date.parse(badges[0].dataset.now);
  var skew = isNaN(serverNow) ? 0 : serverNow - Date.now();

  function show(badge) {
    var deadline = Date.parse(badge.dataset.deadline);
    if (isNaN(deadline)) { return; }
    var left = deadline - (Date.now() + skew);
    var overdue = left < 0;
    var minutes = Math.floor(Math.abs(left) / 60000);
    var format = overdue ? badge.dataset.overdue : badge.dataset.left;
    badge.textContent = format
      .replace("%(hours)s", String(Math.floor(minutes / 60)))
      .replace("%(minutes)s", String(minutes % 60));
    badge.classList.toggle("text-bg-danger", overdue);
    badge.classList.toggle("text-bg-warning", !overdue);
  }

  function tick() { Array.prototype.forEach.call(badges, show); }
  window.setInterval(tick, 30000);
})();
