/* Bulletin live page: apply each change as it happens, without reloading.
 *
 * Changes arrive over Server-Sent Events from /live/<slug>/stream; if streaming fails
 * (a proxy that strips it, repeated errors) the page polls /live/<slug>/changes?after=N
 * and goes back to streaming when it can. Every change carries its sequence number, so
 * applying one twice, or out of a replay, changes nothing.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-live-stream]");
  if (!root || !window.fetch) return;

  var sequence = Number(root.dataset.sequence);
  var posts = document.getElementById("posts");
  var pinned = document.getElementById("pinned");
  var baseTitle = document.title;
  var pending = [];        // new posts held back while the reader is away from the top
  var held = [];           // every change held back while the reader has paused updates
  var paused = false;
  var source = null;
  var errors = 0;
  var pollTimer = null;
  var pollDelay = 3000;

  var ui = buildControls();

  function buildControls() {
    var bar = document.createElement("div");
    bar.className = "live-controls";
    var status = document.createElement("p");
    status.className = "visually-hidden";
    status.id = "live-announcer";
    status.setAttribute("aria-live", "polite");
    var pause = document.createElement("button");
    pause.type = "button";
    pause.className = "live-controls__pause";
    pause.setAttribute("aria-pressed", "false");
    pause.textContent = "Pause live updates";
    pause.addEventListener("click", togglePause);
    var fresh = document.createElement("button");
    fresh.type = "button";
    fresh.className = "live-controls__new";
    fresh.hidden = true;
    fresh.addEventListener("click", function () { reveal(true); });
    bar.append(pause, fresh);
    posts.before(bar);
    document.body.append(status);
    return { pause: pause, fresh: fresh, status: status };
  }

  function announce(text) {
    ui.status.textContent = "";
    window.setTimeout(function () { ui.status.textContent = text; }, 50);
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  function postElement(number) {
    return document.getElementById("post-" + number);
  }

  function atTop() {
    return window.scrollY < posts.offsetTop;
  }

  /* Put a post into the list where its number belongs; an older post than the page
   * shows belongs to an older page and is left out. */
  function place(element) {
    var number = Number(element.dataset.number);
    var children = posts.querySelectorAll(":scope > article[data-number]");
    for (var i = 0; i < children.length; i++) {
      if (Number(children[i].dataset.number) < number) {
        children[i].before(element);
        return;
      }
    }
    if (!root.querySelector(".pagination")) posts.append(element);
  }

  function replace(number, html) {
    var current = postElement(number);
    var waiting = pending.findIndex(function (change) { return change.post === number; });
    if (waiting >= 0) pending[waiting].html = html;
    if (current) current.replaceWith(fragment(html));
  }

  function pin(number, html) {
    var current = postElement(number);
    if (current) current.remove();
    pinned.replaceChildren(fragment(html));
  }

  function unpin(number, html) {
    var current = postElement(number);
    if (current) current.remove();
    place(fragment(html));
  }

  function countPosts(delta) {
    var counter = document.getElementById("post-count");
    var count = parseInt(counter.textContent, 10) + delta;
    counter.textContent = count + (count === 1 ? " update" : " updates");
  }

  function reveal(scroll) {
    pending.sort(function (a, b) { return a.post - b.post; });
    pending.forEach(function (change) {
      if (!postElement(change.post)) posts.prepend(fragment(change.html));
    });
    pending = [];
    ui.fresh.hidden = true;
    document.title = baseTitle;
    if (scroll) posts.scrollIntoView();
  }

  function holdNew(change) {
    pending.push(change);
    if (atTop() && !document.hidden) {
      reveal(false);
      announce("New update: " + headlineOf(change.html));
      return;
    }
    var label = pending.length + (pending.length === 1 ? " new update" : " new updates");
    ui.fresh.textContent = "Show " + label;
    ui.fresh.hidden = false;
    document.title = "(" + pending.length + ") " + baseTitle;
    announce(label);
  }

  function headlineOf(html) {
    var element = fragment(html);
    var heading = element.querySelector("h2");
    return heading ? heading.textContent : "a post without a headline";
  }

  var handlers = {
    "post.published": function (change) {
      countPosts(1);
      if (postElement(change.post)) replace(change.post, change.html);
      else holdNew(change);
    },
    "post.revised": function (change) { replace(change.post, change.html); },
    "post.retracted": function (change) { countPosts(-1); replace(change.post, change.html); },
    "post.pinned": function (change) {
      if (change.unpinned) unpin(change.unpinned.post, change.unpinned.html);
      pin(change.post, change.html);
    },
    "post.unpinned": function (change) { unpin(change.post, change.html); },
    "key_points.revised": function (change) {
      document.getElementById("key-points").replaceWith(fragment(change.html));
    },
    "live_blog.ended": function (change) {
      document.getElementById("status").replaceWith(fragment(change.html));
      announce("This live blog has ended.");
      stopStream();
      window.clearTimeout(pollTimer);
    }
  };

  function apply(change) {
    if (change.sequence <= sequence) return;
    if (paused) { held.push(change); return; }
    var handler = handlers[change.type];
    if (handler) handler(change);
    sequence = change.sequence;
    root.dataset.sequence = String(sequence);
  }

  function togglePause() {
    paused = !paused;
    ui.pause.setAttribute("aria-pressed", String(paused));
    ui.pause.textContent = paused ? "Resume live updates" : "Pause live updates";
    if (!paused) {
      var waiting = held;
      held = [];
      waiting.forEach(apply);
    }
  }

  /* Streaming ---------------------------------------------------------------------- */

  function startStream() {
    stopStream();
    source = new EventSource(root.dataset.liveStream + "?after=" + sequence);
    Object.keys(handlers).forEach(function (type) {
      source.addEventListener(type, function (event) {
        errors = 0;
        apply(JSON.parse(event.data));
      });
    });
    source.addEventListener("reset", function () { window.location.reload(); });
    source.addEventListener("open", function () {
      errors = 0;
      window.clearTimeout(pollTimer);
      pollTimer = null;
    });
    source.addEventListener("error", function () {
      errors += 1;
      // The browser retries by itself; three failures in a row mean streaming is not
      // getting through, so poll instead.
      if (errors >= 3 || source.readyState === EventSource.CLOSED) fallBack();
    });
  }

  function stopStream() {
    if (source) source.close();
    source = null;
  }

  /* Polling ------------------------------------------------------------------------- */

  function fallBack() {
    stopStream();
    errors = 0;
    if (pollTimer === null) schedulePoll(0);
  }

  function schedulePoll(delay) {
    pollTimer = window.setTimeout(poll, delay);
  }

  function poll() {
    fetch(root.dataset.liveChanges + "?after=" + sequence, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (body) {
        body.changes.forEach(apply);
        pollDelay = 3000;
        if (body.next > sequence && !paused) return poll();  // a full window: more to read
        tryStreamAgain();
      })
      .catch(function () {
        pollDelay = Math.min(pollDelay * 2, 60000);
        schedulePoll(pollDelay);
      });
  }

  var lastStreamTry = Date.now();
  function tryStreamAgain() {
    if (Date.now() - lastStreamTry > 60000) {
      lastStreamTry = Date.now();
      pollTimer = null;
      startStream();
      // If the stream fails again, its error handler falls back once more.
      pollTimer = window.setTimeout(poll, pollDelay);
      return;
    }
    schedulePoll(pollDelay);
  }

  window.addEventListener("scroll", function () {
    if (pending.length && atTop() && !paused) reveal(false);
  }, { passive: true });
  document.addEventListener("visibilitychange", function () {
    if (!document.hidden && pending.length && atTop() && !paused) reveal(false);
  });
  window.addEventListener("online", function () {
    if (source === null) { window.clearTimeout(pollTimer); pollTimer = null; startStream(); }
  });

  startStream();
})();
