// Fill the time zone and country from the browser when the seeker has not typed them yet.
(function () {
  "use strict";
  var zone = document.getElementById("id_zone");
  var country = document.getElementById("id_country");
  var locale = document.getElementById("id_locale");
  var lang = (navigator.language || "").split("-");
  try {
    if (zone && !zone.value) {
      zone.value = Intl.DateTimeFormat().resolvedOptions().timeZone || "";
    }
  } catch (e) {
    // An old browser without Intl: the seeker types the zone; the list helps.
  }
  if (country && !country.value && lang.length > 1 && lang[1].length === 2) {
    country.value = lang[1].toUpperCase();
  }
  if (locale && lang.length > 1) {
    var wanted = lang[0] + "_" + lang[1].toUpperCase();
    for (var i = 0; i < locale.options.length; i++) {
      if (locale.options[i].value === wanted && !locale.dataset.touched) {
        locale.value = wanted;
      }
    }
  }
})();
