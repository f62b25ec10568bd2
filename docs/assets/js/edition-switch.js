/*
 * The edition switcher keeps the reader's place (issue 25). The switcher in the header
 * (overrides/partials/alternate.html) leads to the same page in another edition; heading anchors
 * are the same in every edition (hooks/build_headings.py), so this script adds the anchor of the
 * section the reader is in to the switcher's links: the address's #anchor while its target is
 * still on screen, otherwise the last heading above the top of the window. At the top of a page
 * the links stay as they are. Without JavaScript the switcher still opens the same page.
 * Checked by tests/browser/test_phone.py.
 */
(function () {
  "use strict";

  var HEADINGS = ".md-content article :is(h2, h3, h4)[id]";

  function headerBottom() {
    var header = document.querySelector(".md-header");
    return header ? header.getBoundingClientRect().bottom : 0;
  }

  function hashTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (!target) { return ""; }
    var box = target.getBoundingClientRect();
    return box.bottom > 0 && box.top < window.innerHeight ? id : "";  // still where the reader is
  }

  function currentAnchor() {
    var fromHash = hashTarget();
    if (fromHash) { return fromHash; }
    var line = headerBottom() + 8, found = "";
    var headings = document.querySelectorAll(HEADINGS);
    for (var i = 0; i < headings.length; i++) {
      if (headings[i].getBoundingClientRect().top > line) { break; }
      found = headings[i].id;
    }
    return found;
  }

  function update() {
    var anchor = currentAnchor();
    Array.prototype.forEach.call(document.querySelectorAll(".md-select__link[hreflang]"), function (link) {
      var base = (link.getAttribute("href") || "").split("#")[0];
      link.setAttribute("href", anchor ? base + "#" + encodeURIComponent(anchor) : base);
    });
  }

  function init() {
    var select = document.querySelector(".md-header .md-select");
    if (!select || select.getAttribute("data-kg-keeps-place") === "1") { return; }
    select.setAttribute("data-kg-keeps-place", "1");
    // Before the link is followed, opened in a new tab or copied: on pointer, focus and click.
    ["pointerenter", "pointerdown", "focusin", "contextmenu"].forEach(function (type) {
      select.addEventListener(type, update, true);
    });
    // The link is followed as it is. Material's own handler of edition links (on document.body)
    // would send the reader to the other edition's page without the anchor, so the click stops here.
    select.addEventListener("click", function (event) {
      update();
      if (event.target.closest && event.target.closest(".md-select__link[hreflang]")) { event.stopPropagation(); }
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
