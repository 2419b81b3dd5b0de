/* newsweave: small progressive enhancements. The pages work without this file. */
(function () {
  "use strict";

  function layerToggles() {
    var box = document.querySelector("fieldset.layers");
    if (!box) { return; }
    box.hidden = false;
    box.addEventListener("change", function (event) {
      var input = event.target;
      if (!input || !input.dataset || !input.dataset.layer) { return; }
      document.body.classList.toggle("show-" + input.dataset.layer, input.checked);
    });
  }

  function focusCitation() {
    var cite = document.getElementById("cite");
    if (!cite) { return; }
    cite.setAttribute("tabindex", "-1");
    if (location.hash === "#cite") {
      cite.scrollIntoView({ block: "center" });
      cite.focus({ preventScroll: true });
    }
  }

  function autoSubmitSort() {
    var form = document.querySelector("form.filters");
    if (!form) { return; }
    form.querySelectorAll("input[type=date]").forEach(function (input) {
      input.addEventListener("change", function () { form.requestSubmit ? form.requestSubmit() : form.submit(); });
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    layerToggles();
    focusCitation();
    autoSubmitSort();
  });
})();
