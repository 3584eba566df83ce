/* The desk, made quicker where JavaScript runs; every form works without it.
 *
 * - Ctrl+Enter (Cmd+Enter) in a form presses its primary button.
 * - The composer keeps what is typed in localStorage, per live blog, until it is sent.
 * - Preview fetches the reader's fragment and shows it in place.
 * - Repeating rows (links, images, key points) can be added, and key points reordered.
 * No framework, no build step, nothing inline: the desk's CSP allows only this file.
 */
(function () {
  "use strict";

  /* Ctrl+Enter ------------------------------------------------------------------------ */

  function primaryAction(form) {
    form.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" || !(event.ctrlKey || event.metaKey)) return;
      var button = form.querySelector("[data-primary]");
      if (!button) return;
      event.preventDefault();
      if (form.requestSubmit) form.requestSubmit(button);
      else button.click();
    });
  }

  /* Repeating rows ------------------------------------------------------------------- */

  function renumber(fieldset) {
    var prefix = fieldset.dataset.rows;
    var pattern = new RegExp("^" + prefix + "-\\d+-");
    fieldset.querySelectorAll("[data-row]").forEach(function (row, index) {
      row.querySelectorAll("[name], [id], label[for]").forEach(function (element) {
        ["name", "id", "for"].forEach(function (attribute) {
          var value = element.getAttribute(attribute);
          if (value && pattern.test(value)) {
            element.setAttribute(attribute, value.replace(pattern, prefix + "-" + index + "-"));
          }
        });
      });
      row.querySelectorAll("[data-row-number]").forEach(function (number) {
        number.textContent = String(index + 1);
      });
    });
  }

  function addRow(fieldset) {
    var rows = fieldset.querySelectorAll("[data-row]");
    if (!rows.length || rows.length >= Number(fieldset.dataset.max || 10)) return null;
    var last = rows[rows.length - 1];
    var row = last.cloneNode(true);
    row.querySelectorAll("input").forEach(function (input) { input.value = ""; });
    last.after(row);
    renumber(fieldset);
    return row;
  }

  function moveButton(direction) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "button button--small";
    button.dataset.move = direction;
    button.textContent = direction === "up" ? "Move up" : "Move down";
    return button;
  }

  function move(fieldset, button) {
    var row = button.closest("[data-row]");
    var up = button.dataset.move === "up";
    var other = up ? row.previousElementSibling : row.nextElementSibling;
    if (!other || !other.hasAttribute("data-row")) return;
    if (up) other.before(row); else other.after(row);
    renumber(fieldset);
    button.focus();
  }

  function repeating(fieldset) {
    if (fieldset.hasAttribute("data-movable")) {
      fieldset.querySelectorAll("[data-row]").forEach(function (row) {
        var controls = document.createElement("div");
        controls.className = "row__move";
        controls.append(moveButton("up"), moveButton("down"));
        row.append(controls);
      });
      fieldset.addEventListener("click", function (event) {
        var button = event.target.closest("[data-move]");
        if (button) move(fieldset, button);
      });
    }
    var add = document.createElement("button");
    add.type = "button";
    add.className = "button button--small";
    add.textContent = fieldset.dataset.add || "Add another";
    add.addEventListener("click", function () {
      var row = addRow(fieldset);
      if (row) row.querySelector("input").focus();
    });
    fieldset.append(add);
  }

  /* Drafts kept in this browser ------------------------------------------------------- */

  function keptFields(form) {
    return Array.prototype.filter.call(form.elements, function (element) {
      return element.name && element.name !== "csrfmiddlewaretoken" &&
        ["file", "hidden", "submit", "button"].indexOf(element.type) < 0;
    });
  }

  function save(form, key) {
    var values = {};
    var typed = false;
    keptFields(form).forEach(function (element) {
      if (element.type === "radio") {
        if (element.checked) values[element.name] = element.value;
        return;
      }
      values[element.name] = element.value;
      if (element.value.trim()) typed = true;
    });
    try {
      if (typed) localStorage.setItem(key, JSON.stringify(values));
      else localStorage.removeItem(key);
    } catch (error) { /* storage full or refused: the draft simply is not kept */ }
  }

  function ensureField(form, name) {
    var match = /^([a-z]+)-(\d+)-/.exec(name);
    var fieldset = match && form.querySelector('fieldset[data-rows="' + match[1] + '"]');
    while (fieldset && !form.elements[name] && addRow(fieldset)) { /* add rows up to the one named */ }
    return form.elements[name];
  }

  function restore(form, key) {
    var values = null;
    try { values = JSON.parse(localStorage.getItem(key) || "null"); } catch (error) { values = null; }
    if (!values) return;
    Object.keys(values).forEach(function (name) {
      var field = ensureField(form, name);
      if (field) field.value = values[name];
    });
    var notice = document.createElement("p");
    notice.className = "notice";
    notice.setAttribute("role", "status");
    notice.textContent = "Restored what you were writing; it is kept in this browser until you send it. ";
    var discard = document.createElement("button");
    discard.type = "button";
    discard.className = "button button--small";
    discard.textContent = "Discard it";
    discard.addEventListener("click", function () {
      form.reset();
      localStorage.removeItem(key);
      notice.remove();
    });
    notice.append(discard);
    form.prepend(notice);
  }

  function keepDraft(form) {
    var key = form.dataset.draftKey;
    if (!key || !window.localStorage) return;
    if (form.hasAttribute("data-sent")) localStorage.removeItem(key);
    else if (!form.hasAttribute("data-bound")) restore(form, key);
    var keep = function () { save(form, key); };
    form.addEventListener("input", keep);
    form.addEventListener("change", keep);
  }

  /* Preview ------------------------------------------------------------------------- */

  function show(output, html) {
    var template = document.createElement("template");
    template.innerHTML = html;
    output.replaceChildren(template.content);
  }

  function preview(form) {
    var button = form.querySelector("[data-preview]");
    var output = document.querySelector("[data-preview-output]");
    if (!button || !output || !window.fetch) return;
    button.addEventListener("click", function (event) {
      event.preventDefault();
      var body = new FormData(form);
      // A preview stores nothing, so the files need not travel.
      form.querySelectorAll("input[type=file]").forEach(function (input) { body.delete(input.name); });
      output.setAttribute("aria-busy", "true");
      fetch(button.formAction, { method: "POST", body: body, headers: { "X-Desk-Fragment": "1" }, credentials: "same-origin" })
        .then(function (response) {
          if (response.redirected) throw new Error("signed out");
          return response.text();
        })
        .then(function (html) { show(output, html); })
        .catch(function () {
          output.textContent = "The preview could not be loaded. Check the connection, and that you are still signed in.";
        })
        .finally(function () { output.removeAttribute("aria-busy"); });
    });
  }

  /* Digest headline ----------------------------------------------------------------- */

  function digest(form) {
    var kind = form.querySelector("[data-digest-headline]");
    var headline = form.elements.headline;
    if (!kind || !headline) return;
    var written = "";
    var write = function (text) {
      written = headline.value = text;
      headline.dispatchEvent(new Event("input", { bubbles: true }));
    };
    kind.addEventListener("change", function (event) {
      var untouched = !headline.value || headline.value === written;
      if (event.target.value !== "digest") {
        if (written && headline.value === written) write("");
        return;
      }
      if (!untouched) return;
      write(kind.dataset.digestHeadline);
      // The page may have been open a while: ask for this minute's headline.
      fetch(kind.dataset.digestUrl, { credentials: "same-origin" })
        .then(function (response) { return response.ok && !response.redirected ? response.text() : null; })
        .then(function (text) { if (text && headline.value === written) write(text); })
        .catch(function () { /* the headline from page load stays */ });
    });
  }

  /* A new live blog's address from its title ------------------------------------------ */

  function slugFromTitle(form) {
    var title = form.elements.title;
    var slug = form.elements.slug;
    if (!title || !slug) return;
    var touched = slug.value !== "";
    slug.addEventListener("input", function () { touched = slug.value !== ""; });
    title.addEventListener("input", function () {
      if (touched) return;
      slug.value = title.value.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
        .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 80);
    });
  }

  document.querySelectorAll("fieldset[data-rows]").forEach(repeating);
  document.querySelectorAll("form[data-composer]").forEach(function (form) {
    primaryAction(form);
    keepDraft(form);
    preview(form);
    digest(form);
  });
  document.querySelectorAll("form[data-slug-source]").forEach(slugFromTitle);
  var problems = document.querySelector("[data-error-summary]");
  if (problems) problems.focus();
})();
