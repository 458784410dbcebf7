/* Accessible tabs for TabbedFeedBlock (b-tabbed-feed). Without this script every panel shows. */
(function () {
  "use strict";

  function enhance(root) {
    if (root.getAttribute("data-b-tabs-ready")) {
      return;
    }
    var tablist = root.querySelector('[role="tablist"]');
    if (!tablist) {
      return;
    }
    var tabs = Array.prototype.slice.call(tablist.querySelectorAll('[role="tab"]'));
    var panels = tabs.map(function (tab) {
      return document.getElementById(tab.getAttribute("aria-controls"));
    });
    if (!tabs.length) {
      return;
    }
    root.setAttribute("data-b-tabs-ready", "true");

    function select(index, moveFocus) {
      tabs.forEach(function (tab, i) {
        var selected = i === index;
        tab.setAttribute("aria-selected", selected ? "true" : "false");
        tab.tabIndex = selected ? 0 : -1;
        if (panels[i]) {
          panels[i].hidden = !selected;
        }
      });
      if (moveFocus) {
        tabs[index].focus();
      }
    }

    tabs.forEach(function (tab, i) {
      if (panels[i]) {
        panels[i].setAttribute("role", "tabpanel");
        panels[i].setAttribute("aria-labelledby", tab.id);
        panels[i].tabIndex = 0;
      }
      tab.addEventListener("click", function () {
        select(i, false);
      });
      tab.addEventListener("keydown", function (event) {
        var last = tabs.length - 1;
        var next = null;
        if (event.key === "ArrowRight" || event.key === "ArrowDown") {
          next = i === last ? 0 : i + 1;
        } else if (event.key === "ArrowLeft" || event.key === "ArrowUp") {
          next = i === 0 ? last : i - 1;
        } else if (event.key === "Home") {
          next = 0;
        } else if (event.key === "End") {
          next = last;
        }
        if (next !== null) {
          event.preventDefault();
          select(next, true);
        }
      });
    });

    var initial = 0;
    tabs.forEach(function (tab, i) {
      if (tab.getAttribute("aria-selected") === "true") {
        initial = i;
      }
    });
    tablist.hidden = false;
    root.classList.add("b-tabbed-feed--enhanced");
    select(initial, false);
  }

  function enhanceAll() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-b-tabs]"), enhance);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", enhanceAll);
  } else {
    enhanceAll();
  }
})();
