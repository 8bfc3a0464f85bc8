// The public page's answers to a request the server refuses. htmx leaves a 4xx answer unshown; the
// server's answer is a Chinese sentence (fanzha.web.problems), so it is put where the result goes.
// Too many requests (429): the sentence says how long to wait, and the form's button counts it down.
(function () {
  "use strict";

  function countDown(form, seconds) {
    var button = form && form.querySelector("button[type=submit]");
    if (!button || button.dataset.waiting) return;
    var label = button.textContent;
    button.dataset.waiting = "1";
    button.disabled = true;
    var left = seconds;
    var tick = function () {
      if (left <= 0) {
        button.disabled = false;
        button.textContent = label;
        delete button.dataset.waiting;
        return;
      }
      button.textContent = "请等待 " + left + " 秒";
      left -= 1;
      window.setTimeout(tick, 1000);
    };
    tick();
  }

  document.addEventListener("htmx:beforeSwap", function (event) {
    var xhr = event.detail.xhr;
    if (xhr.status < 400 || xhr.status >= 500) return;
    event.detail.shouldSwap = true;
    event.detail.isError = false;
    if (xhr.status === 429) {
      var wait = parseInt(xhr.getResponseHeader("Retry-After") || "", 10);
      var config = event.detail.requestConfig;  // the form that asked (detail.elt is the target)
      var source = (config && config.elt) || event.detail.elt;
      countDown(source.closest("form"), isNaN(wait) ? 60 : Math.min(wait, 3600));
    }
  });

  function say(event, message) {
    var target = event.detail.target;
    if (!target) return;
    var line = document.createElement("p");
    line.className = "error";
    line.setAttribute("role", "alert");
    line.textContent = message;
    target.replaceChildren(line);
  }

  document.addEventListener("htmx:responseError", function (event) {
    if (event.detail.xhr.status >= 500) say(event, "服务暂时出了问题，请稍后再试；紧急情况请直接拨打110或96110。");
  });
  document.addEventListener("htmx:sendError", function (event) {
    say(event, "网络连接失败，请检查网络后重试；紧急情况请直接拨打110或96110。");
  });
})();
