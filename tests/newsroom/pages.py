"""Reading desk pages in tests: signed-in clients, the text people see, what fields hold."""

import html
import re

from django.test import Client


def signed_in(user) -> Client:
    """A browser-like client with this person signed in."""
    client = Client()
    client.force_login(user)
    return client


def text_of(response) -> str:
    """The page's text with tags dropped and spaces collapsed, for checking what people read."""
    page = response.content.decode()
    return html.unescape(re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", page)))


def field_value(response, name: str) -> str | None:
    """The value an <input> or <textarea> named name shows, as the browser would fill it."""
    page = response.content.decode()
    textarea = re.search(rf'<textarea[^>]*name="{re.escape(name)}"[^>]*>\n?(.*?)</textarea>', page, re.S)
    if textarea:
        return html.unescape(textarea[1])
    for tag in re.findall(r"<input[^>]*>", page):
        if f'name="{name}"' in tag:
            value = re.search(r'value="([^"]*)"', tag)
            return html.unescape(value[1]) if value else ""
    return None
