/*
 * 适老化 toolbar of the default theme: font size steps (A- / A+ / 大字号) and high contrast,
 * remembered in localStorage. Loaded in <head> without defer so the saved mode applies to <html>
 * before the first paint; the buttons are wired once the document is parsed. Also: the main
 * navigation starts folded on small screens, and the article page's 打印 / 关闭 buttons.
 * Nothing here loads anything from the network. Without this script the site works as is.
 */
(function () {
  "use strict";

  var KEY_STEP = "redesign.a11y.fontStep";
  var KEY_CONTRAST = "redesign.a11y.highContrast";
  var MAX_STEP = 4;
  var LARGE_STEP = 2;
  var root = document.documentElement;

  function read(key) {
    try {
      return window.localStorage.getItem(key);
    } catch (err) {
      return null;
    }
  }

  function write(key, value) {
    try {
      if (value === null) {
        window.localStorage.removeItem(key);
      } else {
        window.localStorage.setItem(key, value);
      }
    } catch (err) {
      /* Private mode or storage disabled: the setting lasts for this page only. */
    }
  }

  var state = {
    step: Math.max(0, Math.min(MAX_STEP, parseInt(read(KEY_STEP), 10) || 0)),
    contrast: read(KEY_CONTRAST) === "1"
  };

  function setClass(el, name, on) {
    if (el) {
      el.classList.toggle(name, on);
    }
  }

  function apply() {
    var targets = [root, document.body];
    targets.forEach(function (el) {
      setClass(el, "is-large-text", state.step > 0);
      setClass(el, "is-high-contrast", state.contrast);
    });
    if (state.step > 0) {
      root.setAttribute("data-font-step", String(state.step));
    } else {
      root.removeAttribute("data-font-step");
    }
  }

  root.classList.remove("no-js");
  root.classList.add("js");
  apply();

  function announce(toolbar, text) {
    var status = toolbar.querySelector("[data-a11y-status]");
    if (status) {
      status.textContent = text;
    }
  }

  function sync(toolbar) {
    var large = toolbar.querySelector('[data-a11y="large-text"]');
    var contrast = toolbar.querySelector('[data-a11y="high-contrast"]');
    if (large) {
      large.setAttribute("aria-pressed", state.step >= LARGE_STEP ? "true" : "false");
    }
    if (contrast) {
      contrast.setAttribute("aria-pressed", state.contrast ? "true" : "false");
    }
  }

  function save() {
    write(KEY_STEP, state.step > 0 ? String(state.step) : null);
    write(KEY_CONTRAST, state.contrast ? "1" : null);
  }

  function handle(toolbar, action) {
    var message = "";
    if (action === "font-up") {
      state.step = Math.min(MAX_STEP, state.step + 1);
      message = "字号已放大";
    } else if (action === "font-down") {
      state.step = Math.max(0, state.step - 1);
      message = state.step === 0 ? "已恢复标准字号" : "字号已缩小";
    } else if (action === "large-text") {
      state.step = state.step >= LARGE_STEP ? 0 : LARGE_STEP;
      message = state.step ? "大字号已开启" : "大字号已关闭";
    } else if (action === "high-contrast") {
      state.contrast = !state.contrast;
      message = state.contrast ? "高对比度已开启" : "高对比度已关闭";
    } else if (action === "reset") {
      state.step = 0;
      state.contrast = false;
      message = "已恢复默认显示";
    } else {
      return;
    }
    apply();
    save();
    sync(toolbar);
    announce(toolbar, message);
  }

  function initToolbar(toolbar) {
    toolbar.hidden = false;
    sync(toolbar);
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-a11y]");
      if (button && toolbar.contains(button)) {
        handle(toolbar, button.getAttribute("data-a11y"));
      }
    });
  }

  function initNav() {
    var query = window.matchMedia ? window.matchMedia("(max-width: 959px)") : null;
    Array.prototype.forEach.call(document.querySelectorAll("[data-nav-disclosure]"), function (details) {
      function update() {
        /* Folded on small screens; always open (its toggle hidden by CSS) on wide ones. */
        details.open = !(query && query.matches);
      }
      update();
      if (query) {
        if (query.addEventListener) {
          query.addEventListener("change", update);
        } else if (query.addListener) {
          query.addListener(update);
        }
      }
    });
  }

  function initPageActions() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-action]"), function (button) {
      var action = button.getAttribute("data-action");
      if (action === "print" && typeof window.print === "function") {
        button.hidden = false;
        button.addEventListener("click", function () {
          window.print();
        });
      } else if (action === "close") {
        button.hidden = false;
        button.addEventListener("click", function () {
          window.close();
          /* Browsers only close windows a script opened; otherwise go back, or home. */
          window.setTimeout(function () {
            if (window.history.length > 1) {
              window.history.back();
            } else {
              window.location.href = "/";
            }
          }, 150);
        });
      }
    });
  }

  function init() {
    apply();
    Array.prototype.forEach.call(document.querySelectorAll("[data-a11y-toolbar]"), initToolbar);
    initNav();
    initPageActions();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
