/* Bulletin embed cards: play a YouTube video in the page only when the reader asks.
 *
 * Cards are our own markup (liveblogs/embeds.py), so nothing from YouTube, X, Telegram,
 * Instagram or TikTok loads with the page. This adds a "Play video here" button to each
 * YouTube card, also to cards that arrive later through live updates, and on a click
 * swaps the card for a youtube-nocookie.com player (the CSP's only frame-src).
 */
(function () {
  "use strict";

  var VIDEO = /^[A-Za-z0-9_-]{11}$/;
  var START = /^[0-9]{1,6}$/;
  var CARD = "p.embed[data-video]";

  function addButton(card) {
    if (!VIDEO.test(card.dataset.video || "") || card.querySelector(".embed__play")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "embed__play";
    button.textContent = "Play video here";
    card.append(" ", button);
  }

  function enhance(node) {
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    if (node.matches(CARD)) addButton(node);
    node.querySelectorAll(CARD).forEach(addButton);
  }

  function play(card) {
    var video = card.dataset.video || "";
    if (!VIDEO.test(video)) return;
    var title = card.querySelector("b");
    var start = START.test(card.dataset.start || "") ? "&start=" + card.dataset.start : "";
    var frame = document.createElement("iframe");
    frame.src = "https://www.youtube-nocookie.com/embed/" + video + "?autoplay=1" + start;
    frame.title = "YouTube video" + (title ? ": " + title.textContent : "");
    frame.allow = "autoplay; encrypted-media; picture-in-picture; fullscreen";
    frame.allowFullscreen = true;
    // YouTube refuses to play in a frame that sends no referrer (its error 153).
    frame.referrerPolicy = "strict-origin-when-cross-origin";
    var player = document.createElement("div");
    player.className = "embed-player";
    player.append(frame);
    card.replaceWith(player);
    // The button is gone with the card: keep keyboard and screen reader users in place.
    frame.focus();
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest(".embed__play");
    var card = button && button.closest(CARD);
    if (card) play(card);
  });

  enhance(document.body);
  new MutationObserver(function (records) {
    records.forEach(function (record) { record.addedNodes.forEach(enhance); });
  }).observe(document.body, { childList: true, subtree: true });
})();
