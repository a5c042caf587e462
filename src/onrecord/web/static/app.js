// onrecord: selecting a statement in the article view shows its details. The page works without this script
// (every statement's details are listed under the text); this only enhances. No inline script, no eval.
(function () {
  "use strict";
  var text = document.getElementById("article-text");
  if (!text) return;
  var body = document.getElementById("details-body");
  var empty = document.getElementById("details-empty");
  var panel = document.getElementById("details");

  function numbersOf(el) {
    var attr = el && el.getAttribute("data-a");
    return attr ? attr.split(" ") : [];
  }

  function select(number, scroll) {
    var source = document.getElementById("d-" + number);
    if (!source) return;
    Array.prototype.forEach.call(text.querySelectorAll(".hl.selected"), function (el) {
      el.classList.remove("selected");
    });
    Array.prototype.forEach.call(text.querySelectorAll(".hl[data-a]"), function (el) {
      if (numbersOf(el).indexOf(String(number)) >= 0) el.classList.add("selected");
    });
    while (body.firstChild) body.removeChild(body.firstChild);
    Array.prototype.forEach.call(source.children, function (child) {
      body.appendChild(child.cloneNode(true));
    });
    empty.hidden = true;
    panel.classList.add("active");
    panel.setAttribute("data-selected", String(number));
    if (scroll) {
      var first = document.getElementById("s-" + number);
      if (first) first.scrollIntoView({ block: "center" });
    }
  }

  function fromEvent(target) {
    var el = target && target.closest ? target.closest(".hl[data-a]") : null;
    var numbers = numbersOf(el);
    return numbers.length ? numbers[0] : null;
  }

  text.addEventListener("click", function (event) {
    var number = fromEvent(event.target);
    if (number) select(number, false);
  });
  text.addEventListener("keydown", function (event) {
    if (event.key !== "Enter" && event.key !== " ") return;
    var number = fromEvent(event.target);
    if (number) {
      event.preventDefault();
      select(number, false);
    }
  });
  // a mouse selection of words inside a statement selects it
  document.addEventListener("mouseup", function () {
    var chosen = window.getSelection();
    if (!chosen || chosen.isCollapsed || !chosen.anchorNode) return;
    var node = chosen.anchorNode.nodeType === 1 ? chosen.anchorNode : chosen.anchorNode.parentElement;
    if (!node || !text.contains(node)) return;
    var number = fromEvent(node);
    if (number) select(number, false);
  });
  // the side list and the statement headings select instead of only jumping
  Array.prototype.forEach.call(document.querySelectorAll("[data-select]"), function (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      var number = link.getAttribute("data-select");
      history.replaceState(null, "", "#s-" + number);
      select(number, true);
      var first = document.getElementById("s-" + number);
      if (first) first.focus({ preventScroll: true });
    });
  });
  var match = /^#s-(\d+)$/.exec(window.location.hash);
  if (match) select(match[1], true);
})();
