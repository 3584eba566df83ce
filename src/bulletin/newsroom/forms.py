"""The desk's forms: they parse what people type; the services judge it.

Limits, required alt text, time zones and the like are checked once, in
``bulletin.liveblogs``; a form only turns the request into the services' arguments and
puts the services' ValidationError messages back beside the fields they name.
"""

import re
from collections.abc import Iterable

from django import forms
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils import timezone

from bulletin.liveblogs import services
from bulletin.liveblogs.models import LiveBlog, Post

# Rows past these are dropped unread: the services allow 10 links and 12 key points, and
# a form that posts thousands of rows should not make us parse them.
MAX_ROWS = 20
BLANK_ROWS = 1


class DeskForm(forms.Form):
    """A form that also shows the errors of row groups (links, images, key points)."""

    groups: tuple[str, ...] = ()
    # Service error keys that mean a group here (an image's file is an image).
    aliases: dict[str, str] = {}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.group_errors: dict[str, list[str]] = {}

    def add_service_errors(self, error: ValidationError) -> None:
        """Put a service's messages beside the fields they name, the rest above the form."""
        named = error.message_dict if hasattr(error, "error_dict") else {NON_FIELD_ERRORS: error.messages}
        for key, messages in named.items():
            key = self.aliases.get(key, key)
            if key in self.groups:
                self.group_errors.setdefault(key, []).extend(messages)
            else:
                self.add_error(key if key in self.fields else None, messages)

    def is_valid(self) -> bool:
        return super().is_valid() and not self.group_errors

    def has_problems(self) -> bool:
        return bool(self.errors or self.group_errors)

    def summary(self) -> list[tuple[str, str]]:
        """Every message with the id of what it is about ('' for the form as a whole)."""
        found = [("", message) for message in self.non_field_errors()]
        for name in self.fields:
            found += [(self[name].auto_id, message) for message in self.errors.get(name, [])]
        for name, messages in self.group_errors.items():
            found += [(name, message) for message in messages]
        return found


def rows(data, prefix: str, names: Iterable[str]) -> list[dict[str, str]]:
    """A repeating group's rows (``prefix-<n>-<name>``), in index order, as typed."""
    names = tuple(names)
    pattern = re.compile(rf"^{re.escape(prefix)}-(\d{{1,3}})-({'|'.join(names)})$")
    found: dict[int, dict] = {}
    for key in data:
        if match := pattern.match(key):
            found.setdefault(int(match[1]), dict.fromkeys(names, ""))[match[2]] = data.get(key)
    return [found[index] for index in sorted(found)][:MAX_ROWS]


def filled(row: dict) -> bool:
    return any(value.strip() if isinstance(value, str) else value for value in row.values())


def with_blanks(typed: list[dict], names: Iterable[str], minimum: int = 2) -> list[dict]:
    """The filled rows first, so service messages ('Link 2') match the rows shown, then blanks."""
    kept = [row for row in typed if filled(row)]
    blanks = max(minimum - len(kept), BLANK_ROWS)
    return kept + [dict.fromkeys(names, "") for _ in range(blanks)]


class LiveBlogForm(DeskForm):
    title = forms.CharField(label="Title", error_messages={"required": "Give the live blog a title."})
    slug = forms.CharField(
        label="Address", help_text="Letters, digits and hyphens; readers find the blog at /live/<address>/.",
        error_messages={"required": "Choose an address, for example election-night."},
    )
    description = forms.CharField(label="Description", required=False, widget=forms.Textarea(attrs={"rows": 2}))
    time_zone = forms.CharField(
        label="Home time zone", initial="UTC", help_text="An IANA name, for example Europe/Kyiv.",
        widget=forms.TextInput(attrs={"list": "time-zones", "autocomplete": "off"}),
        error_messages={"required": "Choose the home time zone, for example Europe/Kyiv."},
    )
    extra_clocks = forms.CharField(
        label="Extra clocks", required=False,
        help_text="More IANA zones, comma separated, for example Europe/Moscow, America/New_York.",
    )

    def clean_extra_clocks(self) -> list[str]:
        return [zone.strip() for zone in self.cleaned_data["extra_clocks"].split(",") if zone.strip()]


LINK_FIELDS = ("title", "url")
IMAGE_FIELDS = ("alt", "caption", "credit")


class ContentForm(DeskForm):
    """What every post form shares: headline, body, credit and related links."""

    groups = ("links",)
    headline = forms.CharField(label="Headline", required=False, strip=False)
    # The help text is the markup guide the templates show beside the box (id_body_helptext).
    body = forms.CharField(label="Body", required=False, strip=False, help_text="Post markup",
                           widget=forms.Textarea(attrs={"rows": 8}))
    credit = forms.CharField(
        label="Contributor credit", required=False, help_text="For example: Reporting by Sam Ortiz.",
    )

    def clean(self) -> dict:
        cleaned = super().clean()
        cleaned["links"] = [
            row for row in rows(self.data, "links", LINK_FIELDS) if filled(row)
        ] if self.is_bound else []
        return cleaned

    def link_rows(self) -> list[dict]:
        """The link rows to show: as typed when bound, else as the post has them."""
        typed = rows(self.data, "links", LINK_FIELDS) if self.is_bound else self.initial.get("links", [])
        return with_blanks(typed, LINK_FIELDS)

    def content(self) -> dict:
        """The services' keyword arguments for the post's text."""
        data = self.cleaned_data
        return {name: data[name] for name in ("headline", "body", "credit", "links")}


class PostForm(ContentForm):
    """The composer (and a draft's own page): a whole post, with images and an optional time."""

    groups = ("links", "images")
    aliases = {"file": "images"}
    kind = forms.ChoiceField(label="Kind", choices=Post.Kind.choices, initial=Post.Kind.UPDATE)
    scheduled_at = forms.DateTimeField(
        label="Publish at", required=False,
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M"),
        error_messages={"invalid": "Give a date and time, for example 2026-11-27 22:00."},
    )

    def __init__(self, *args, liveblog: LiveBlog, with_images: bool = True, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.liveblog, self.with_images = liveblog, with_images
        self.fields["scheduled_at"].help_text = f"Optional, in {liveblog.time_zone} time. Leave empty to publish now."

    def full_clean(self) -> None:
        # A datetime-local value has no zone: it is the blog's home time, as the label says.
        with timezone.override(self.liveblog.zone):
            super().full_clean()

    def clean(self) -> dict:
        cleaned = super().clean()
        cleaned["images"] = self._images() if self.with_images else []
        return cleaned

    def _images(self) -> list[services.ImageUpload]:
        uploads = []
        for index, row in enumerate(self._image_rows(), start=1):
            upload = row.get("file")
            if upload:
                uploads.append(services.ImageUpload(file=upload, **{name: row[name] for name in IMAGE_FIELDS}))
            elif filled(row):
                self.group_errors.setdefault("images", []).append(
                    f"Image {index}: choose the file again (files are not kept when a form comes back), "
                    "or clear its text."
                )
        return uploads

    def _image_rows(self) -> list[dict]:
        typed = {index: row for index, row in enumerate(rows(self.data, "images", IMAGE_FIELDS))}
        files = rows(self.files, "images", ("file",))
        for index, row in enumerate(files):
            typed.setdefault(index, dict.fromkeys(IMAGE_FIELDS, ""))["file"] = row["file"]
        return [row for _index, row in sorted(typed.items()) if filled(row)]

    def image_rows(self) -> list[dict]:
        """The image rows to show; files cannot be shown again, their text can."""
        typed = rows(self.data, "images", IMAGE_FIELDS) if self.is_bound else []
        return with_blanks(typed, IMAGE_FIELDS, minimum=1)

    def content(self) -> dict:
        return {**super().content(), "kind": self.cleaned_data["kind"], "images": self.cleaned_data["images"]}

    def is_digest(self) -> bool:
        return self["kind"].value() == Post.Kind.DIGEST


class ReviseForm(ContentForm):
    """A published post's correction, carrying the revision the editor started from."""

    revision = forms.IntegerField(widget=forms.HiddenInput)
    note = forms.CharField(
        label="Correction note", required=False,
        help_text="Optional. Readers see it in the post's history, for example: Corrected the turnout figure.",
    )


class RetractForm(DeskForm):
    reason = forms.CharField(
        label="Reason", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Readers see this in place of the post.",
    )


class ReturnForm(DeskForm):
    note = forms.CharField(
        label="Note to the reporter", required=False, widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Say what to change before it can go out.",
    )


POINT_FIELDS = ("text", "post")


class KeyPointsForm(DeskForm):
    groups = ("points",)
    revision = forms.IntegerField(widget=forms.HiddenInput)

    def clean(self) -> dict:
        cleaned = super().clean()
        cleaned["points"] = []
        for index, row in enumerate([row for row in rows(self.data, "points", POINT_FIELDS) if filled(row)], 1):
            number = row["post"].strip()
            if number and not number.isdigit():
                self.group_errors.setdefault("points", []).append(
                    f"Key point {index}: {number!r} is not a post number; give a number like 12, or leave it empty."
                )
            cleaned["points"].append({"text": row["text"], "post": int(number) if number.isdigit() else None})
        return cleaned

    def point_rows(self) -> list[dict]:
        typed = rows(self.data, "points", POINT_FIELDS) if self.is_bound else self.initial.get("points", [])
        return with_blanks(typed, POINT_FIELDS, minimum=3)
