/*
 * 适老化 toolbar of the default theme: type size steps (A- / A+ / 大字号), high contrast, wider line
 * spacing and a large cursor. The choice lives in the cookie redesign_a11y ("s2c1l0k0": step,
 * contrast, spacing, cursor), which the server also reads to render the chosen look, so it is
 * remembered and shows on the first paint of the next page. Each button is a GET form submit that
 * works without this script; with it, the change applies at once without reloading. Loaded in
 * <head> without defer; the buttons are wired once the document is parsed. Also: the main
 * navigation starts folded on small screens, and the article page's 打印 / 关闭 buttons.
 * Nothing here loads anything from the network.
 */
(function () {
  "use strict";

  var COOKIE = "redesign_a11y";
  var MAX_AGE = 365 * 24 * 3600;
  var MAX_STEP = 4;
  var LARGE_STEP = 2;
  var PATTERN = /^s([0-4])c([01])l([01])k([01])$/;
  var CLASSES = {
    contrast: "is-high-contrast",
    spacing: "is-wide-spacing",
    cursor: "is-large-cursor"
  };
  var root = document.documentElement;

  function readCookie() {
    var parts = document.cookie ? document.cookie.split("; ") : [];
    for (var i = 0; i < parts.length; i += 1) {
      var eq = parts[i].indexOf("=");
      if (parts[i].slice(0, eq) === COOKIE) {
        return decodeURIComponent(parts[i].slice(eq + 1));
      }
    }
    return "";
  }

  function parse(value) {
    var match = PATTERN.exec(value || "");
    if (!match) {
      return { step: 0, contrast: false, spacing: false, cursor: false };
    }
    return {
      step: parseInt(match[1], 10),
      contrast: match[2] === "1",
      spacing: match[3] === "1",
      cursor: match[4] === "1"
    };
  }

  function serialize(s) {
    return "s" + s.step + "c" + (s.contrast ? 1 : 0) + "l" + (s.spacing ? 1 : 0) + "k" + (s.cursor ? 1 : 0);
  }

  function isDefault(s) {
    return !s.step && !s.contrast && !s.spacing && !s.cursor;
  }

  var state = parse(readCookie());

  /* Choices saved by the earlier toolbar, in localStorage: carried over once into the cookie. */
  (function adoptOldChoice() {
    try {
      var step = window.localStorage.getItem("redesign.a11y.fontStep");
      var contrast = window.localStorage.getItem("redesign.a11y.highContrast");
      if ((step || contrast) && !readCookie()) {
        state.step = Math.max(0, Math.min(MAX_STEP, parseInt(step, 10) || 0));
        state.contrast = contrast === "1";
        window.setTimeout(save, 0);
      }
      window.localStorage.removeItem("redesign.a11y.fontStep");
      window.localStorage.removeItem("redesign.a11y.highContrast");
    } catch (err) {
      /* Storage disabled: nothing to carry over. */
    }
  })();

  function setClass(el, name, on) {
    if (el) {
      el.classList.toggle(name, on);
    }
  }

  function apply() {
    [root, document.body].forEach(function (el) {
      setClass(el, "is-large-text", state.step > 0);
      Object.keys(CLASSES).forEach(function (key) {
        setClass(el, CLASSES[key], state[key]);
      });
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
    var pressed = {
      "large-text": state.step >= LARGE_STEP,
      "high-contrast": state.contrast,
      "line-spacing": state.spacing,
      "large-cursor": state.cursor
    };
    Object.keys(pressed).forEach(function (action) {
      var button = toolbar.querySelector('[data-a11y="' + action + '"]');
      if (button) {
        button.setAttribute("aria-pressed", pressed[action] ? "true" : "false");
      }
    });
  }

  function save() {
    var secure = window.location.protocol === "https:" ? "; secure" : "";
    if (isDefault(state)) {
      document.cookie = COOKIE + "=; path=/; max-age=0; samesite=lax" + secure;
    } else {
      document.cookie = COOKIE + "=" + serialize(state) + "; path=/; max-age=" + MAX_AGE + "; samesite=lax" + secure;
    }
  }

  function toggle(key, on, off) {
    state[key] = !state[key];
    return state[key] ? on : off;
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
      message = toggle("contrast", "高对比度已开启", "高对比度已关闭");
    } else if (action === "line-spacing") {
      message = toggle("spacing", "加大行距已开启", "加大行距已关闭");
    } else if (action === "large-cursor") {
      message = toggle("cursor", "大鼠标已开启", "大鼠标已关闭");
    } else if (action === "reset") {
      state = parse("");
      message = "已恢复默认显示";
    } else {
      return false;
    }
    apply();
    save();
    sync(toolbar);
    announce(toolbar, message);
    return true;
  }

  function initToolbar(toolbar) {
    sync(toolbar);
    toolbar.addEventListener("click", function (event) {
      var button = event.target.closest("[data-a11y]");
      if (button && toolbar.contains(button) && handle(toolbar, button.getAttribute("data-a11y"))) {
        /* Applied here: no need for the round trip the form makes without a script. */
        event.preventDefault();
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
