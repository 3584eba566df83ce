/* Bulletin live page: apply each change as it happens, without reloading.
 *
 * Changes arrive over Server-Sent Events from /live/<slug>/stream; if streaming fails
 * (a proxy that strips it, repeated errors) the page polls /live/<slug>/changes?after=N
 * and tries streaming again every minute. Each change carries its sequence number and the
 * post's fragment as it now stands, so applying one twice, or replaying changes a page
 * already shows (a page may be rendered a little newer than its sequence), changes nothing.
 */
(function () {
  "use strict";

  var root = document.querySelector("[data-live-stream]");
  if (!root || !window.fetch) return;

  var POLL_DELAY = 3000;
  var STREAM_RETRY = 60000;
  var sequence = Number(root.dataset.sequence);  // the last change applied
  var received = sequence;                        // the last change received, applied or held
  var posts = document.getElementById("posts");
  var pinned = document.getElementById("pinned");
  var baseTitle = document.title;
  var pending = [];        // new posts held back while the reader is away from the top
  var held = [];           // every change held back while the reader has paused updates
  var paused = false;
  var batching = false;
  var ended = false;
  var source = null;
  var timer = null;
  var run = 0;             // bumped whenever the transport changes: late answers of an old one are ignored
  var pollDelay = POLL_DELAY;
  var streamAgainAt = 0;
  var streamFailed = false;
  var announceTimer = null;

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
    bar.append(pause, fresh, status);
    posts.before(bar);
    // Focused after "Show new updates", so keyboard and screen reader users land on them.
    posts.tabIndex = -1;
    return { pause: pause, fresh: fresh, status: status };
  }

  function announce(text) {
    // Emptied first, so the same words said twice are announced twice.
    ui.status.textContent = "";
    window.clearTimeout(announceTimer);
    announceTimer = window.setTimeout(function () { ui.status.textContent = text; }, 50);
  }

  function fragment(html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    return template.content.firstElementChild;
  }

  function postElement(number) {
    return document.getElementById("post-" + number);
  }

  function isTombstone(element) {
    return element.classList.contains("post--retracted");
  }

  /* A retraction is final and revisions only grow: an older fragment than the one shown
   * comes from a replayed change and is left out. */
  function isStale(current, next) {
    if (isTombstone(current)) return true;
    return !isTombstone(next) && Number(next.dataset.revision) < Number(current.dataset.revision);
  }

  function atTop() {
    return window.scrollY < posts.offsetTop;
  }

  /* Put a post into the list where its number belongs; an older post than the page
   * shows belongs to an older page and is left out. */
  function place(element) {
    var empty = posts.querySelector(".posts__empty");
    if (empty) empty.remove();
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

  /* Show a post as a change has it: in the pinned slot, or in its place in the list. */
  function show(number, html, isPinned) {
    var current = postElement(number);
    var next = fragment(html);
    if (current && isStale(current, next)) return;
    if (isPinned) {
      if (current) current.remove();
      pinned.replaceChildren(next);
    } else if (current && !pinned.contains(current)) {
      current.replaceWith(next);
    } else {
      if (current) current.remove();
      place(next);
    }
  }

  function waitingFor(number) {
    return pending.find(function (change) { return change.post === number; });
  }

  /* A change to a post: one not yet revealed waits on with its new fragment. */
  function update(change) {
    var waiting = waitingFor(change.post);
    if (waiting && !change.pinned) {
      waiting.html = change.html;
      return;
    }
    if (waiting) pending.splice(pending.indexOf(waiting), 1);
    show(change.post, change.html, change.pinned);
    if (waiting) settle();
  }

  function countPosts(delta) {
    var counter = document.getElementById("post-count");
    var count = parseInt(counter.textContent, 10) + delta;
    counter.textContent = count + (count === 1 ? " update" : " updates");
  }

  /* The tab title counts new posts the reader has not seen yet. */
  function showWaiting() {
    var count = pending.length;
    held.forEach(function (change) { if (change.type === "post.published") count += 1; });
    document.title = count ? "(" + count + ") " + baseTitle : baseTitle;
  }

  function reveal(byReader) {
    var shown = pending.filter(function (change) { return !postElement(change.post); });
    shown.sort(function (a, b) { return a.post - b.post; });
    shown.forEach(function (change) { place(fragment(change.html)); });
    pending = [];
    ui.fresh.hidden = true;
    showWaiting();
    if (byReader) {
      posts.scrollIntoView();
      posts.focus({ preventScroll: true });
    } else if (shown.length === 1) {
      announce("New update: " + headlineOf(shown[0].html));
    } else if (shown.length > 1) {
      announce(shown.length + " new updates");
    }
  }

  /* New posts go straight in at the top of the page; further down they wait for the
   * reader, so what they are reading does not move. */
  function settle() {
    if (pending.length && atTop() && !document.hidden && !paused) return reveal(false);
    showWaiting();
    ui.fresh.hidden = !pending.length;
    if (!pending.length) return;
    var label = pending.length + (pending.length === 1 ? " new update" : " new updates");
    ui.fresh.textContent = "Show " + label;
    announce(label);
  }

  function holdNew(change) {
    pending.push(change);
    if (!batching) settle();
  }

  function headlineOf(html) {
    var heading = fragment(html).querySelector("h2");
    return heading ? heading.textContent : "a post without a headline";
  }

  var handlers = {
    "post.published": function (change) {
      if (postElement(change.post)) return update(change);  // a replay over a newer page
      countPosts(1);
      holdNew(change);
    },
    "post.revised": update,
    "post.retracted": function (change) {
      var current = postElement(change.post);
      if (!current || !isTombstone(current)) countPosts(-1);
      update(change);
    },
    "post.pinned": function (change) {
      if (change.unpinned) show(change.unpinned.post, change.unpinned.html, false);
      update(change);
    },
    "post.unpinned": update,
    "key_points.revised": function (change) {
      var current = document.getElementById("key-points");
      var next = fragment(change.html);
      if (Number(next.dataset.revision) >= Number(current.dataset.revision)) current.replaceWith(next);
    },
    "live_blog.ended": function (change) {
      document.getElementById("status").replaceWith(fragment(change.html));
      announce("This live blog has ended.");
      ended = true;
      ui.pause.hidden = true;
      use("off");
    }
  };

  function receive(change) {
    if (change.sequence <= received) return;
    received = change.sequence;
    if (paused) {
      held.push(change);
      showWaiting();
    } else {
      apply(change);
    }
  }

  function apply(change) {
    if (change.sequence <= sequence) return;
    var handler = handlers[change.type];
    if (handler) handler(change);
    sequence = change.sequence;
    root.dataset.sequence = String(sequence);
  }

  function togglePause() {
    paused = !paused;
    ui.pause.setAttribute("aria-pressed", String(paused));
    ui.pause.textContent = paused ? "Resume live updates" : "Pause live updates";
    if (paused) return;
    var waiting = held;
    held = [];
    batching = true;
    waiting.forEach(apply);
    batching = false;
    settle();
  }

  /* Transport: "stream", "poll", or "off" (offline, or the blog has ended) --------------- */

  function use(mode) {
    run += 1;
    window.clearTimeout(timer);
    if (source) source.close();
    source = null;
    if (mode === "stream" && window.EventSource) {
      stream(run);
    } else if (mode !== "off") {
      streamAgainAt = Date.now() + STREAM_RETRY;
      schedulePoll(run, 0);
    }
  }

  function stream(token) {
    var errors = 0;
    // The browser retries by itself; repeated failures (a single one, when streaming has
    // failed before) mean streaming is not getting through, so poll instead.
    var patience = streamFailed ? 1 : 3;
    var events = source = new EventSource(root.dataset.liveStream + "?after=" + received);
    Object.keys(handlers).forEach(function (type) {
      events.addEventListener(type, function (event) {
        errors = 0;
        receive(JSON.parse(event.data));
      });
    });
    events.addEventListener("reset", function () { window.location.reload(); });
    events.addEventListener("open", function () {
      errors = 0;
      streamFailed = false;
    });
    events.addEventListener("error", function () {
      errors += 1;
      if (token !== run || (errors < patience && events.readyState !== EventSource.CLOSED)) return;
      streamFailed = true;
      use("poll");
    });
  }

  function schedulePoll(token, delay) {
    timer = window.setTimeout(function () { poll(token); }, delay);
  }

  function poll(token) {
    fetch(root.dataset.liveChanges + "?after=" + received, { headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      })
      .then(function (body) {
        if (token !== run) return;
        body.changes.forEach(receive);
        if (token !== run) return;  // the blog ended
        pollDelay = POLL_DELAY;
        if (body.changes.length && body.next < body.latest) return poll(token);  // a full window: more to read
        if (Date.now() >= streamAgainAt) return use("stream");
        schedulePoll(token, pollDelay);
      })
      .catch(function () {
        if (token !== run) return;
        pollDelay = Math.min(pollDelay * 2, STREAM_RETRY);
        schedulePoll(token, pollDelay);
      });
  }

  window.addEventListener("scroll", function () {
    if (pending.length && atTop()) settle();
  }, { passive: true });
  document.addEventListener("visibilitychange", function () {
    if (pending.length && !document.hidden) settle();
  });
  // A connection open when the network went away may never report its death: drop it, and
  // catch up from the last change received once the network is back.
  window.addEventListener("offline", function () { use("off"); });
  window.addEventListener("online", function () { if (!ended) use("stream"); });

  use("stream");
})();
