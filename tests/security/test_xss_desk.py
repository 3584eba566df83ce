"""A sample of the corpus through the real desk in Chromium: form, service, then every page.

Ada signs in through the sign-in form and types each vector into every field of the
composer; the preview (which desk.js inserts into the desk page), the publish, a correction
note, a retraction reason, key points and a saved draft all go through the desk's own forms. The desk's
pages and the reader's pages must show each vector as text and run none of it; a link
address that is not http(s) comes back with the clear message.
"""

import pytest
from playwright.sync_api import expect

from bulletin.liveblogs.models import Post
from bulletin.liveblogs.roles import Role
from tests.factories import make_liveblog, make_user

from .corpus import VECTORS, jpeg, link_refusal
from .test_xss_browser import as_attribute, wait_until_served
from .watch import Watched, assert_clean

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PASSWORD = "correct horse battery staple"
# One of each kind, all typed on one line as the composer's text fields take them.
SAMPLE = [
    '"><img src=x onerror=alert(1)>',
    "</textarea><script>alert(1)</script>",
    "<ScRiPt>document.title='XSS'</sCrIpT>",
    '<iframe srcdoc="<script>top.__xss=1</script>"></iframe>',
    "[link](javascript:alert(1))",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    "'\"--></title></textarea></style></noscript></xmp><svg onload=alert(1)>",
]
REFUSED_URL = '<a href="javascript:alert(1)">link</a>'


@pytest.fixture
def ada_at_the_desk(tabs) -> Watched:
    user = make_user("ada", Role.EDITOR)
    user.set_password(PASSWORD)
    user.save()
    tab = tabs()
    tab.visit("/desk/sign-in/")
    tab.page.get_by_label("Username").fill("ada")
    tab.page.get_by_label("Password").fill(PASSWORD)
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name="Sign in").click()
    expect(tab.page.get_by_role("heading", level=1)).to_have_text("Live blogs")
    return tab


def compose(tab: Watched, vector: str, *, url: str = "https://example.com/results") -> None:
    """Type the vector into every field of the composer, with a photo attached."""
    page = tab.page
    for label in ("Headline", "Contributor credit", "Link 1 title", "Image 1 alt text (required)",
                  "Image 1 caption", "Image 1 credit"):
        page.get_by_label(label).fill(vector)
    page.get_by_label("Body", exact=True).fill(vector)
    page.get_by_label("Link 1 address").fill(url)
    page.get_by_label("Image 1 file").set_input_files(
        files=[{"name": "photo.jpg", "mimeType": "image/jpeg", "buffer": jpeg()}])


def submit(tab: Watched, button: str) -> None:
    with tab.page.expect_navigation():
        tab.page.get_by_role("button", name=button, exact=True).click()


def test_vectors_typed_at_the_desk_never_run_at_the_desk_or_for_readers(ada_at_the_desk, tabs, server):
    assert set(SAMPLE) <= set(VECTORS) and REFUSED_URL in VECTORS
    ada, liveblog = ada_at_the_desk, make_liveblog("xss-desk", title="Vector proof, desk")
    desk = f"/desk/{liveblog.slug}/"
    problems = []
    for number, vector in enumerate(SAMPLE, start=1):
        problems += ada.visit(desk)
        compose(ada, vector)
        ada.page.get_by_role("button", name="Preview").click()
        preview = ada.page.locator("[data-preview-output] article")
        expect(preview.locator("h2")).to_have_text(vector)
        expect(preview.locator("figure")).to_have_count(0)  # a preview leaves files alone
        problems += ada.check()
        submit(ada, "Publish")
        expect(ada.page.get_by_text(f"Published post {number}.")).to_be_visible()
        post = liveblog.posts.get(number=number)
        assert (post.headline, post.credit, post.links[0]["title"]) == (vector, vector, vector)
        assert [(i.alt, i.caption, i.credit) for i in post.images.all()] == [(vector, vector, vector)]
        assert ada.page.locator("input[name='headline']").input_value() == ""

    problems += ada.visit(desk)
    compose(ada, "Results", url=REFUSED_URL)
    submit(ada, "Publish")
    expect(ada.page.locator("[data-error-summary]")).to_contain_text(link_refusal(REFUSED_URL))
    expect(ada.page.get_by_label("Link 1 address")).to_have_value(REFUSED_URL)
    assert liveblog.posts.count() == len(SAMPLE)

    problems += ada.visit(f"{desk}posts/1/edit/")
    ada.page.get_by_label("Body", exact=True).fill(f"Corrected. {SAMPLE[1]}")
    ada.page.get_by_label("Correction note").fill(SAMPLE[0])
    submit(ada, "Save")
    expect(ada.page.get_by_text("Saved post 1 (revision 2).")).to_be_visible()
    problems += ada.visit(f"{desk}posts/2/retract/")
    ada.page.get_by_label("Reason").fill(SAMPLE[2])
    submit(ada, "Retract")
    problems += ada.visit(f"{desk}key-points/")
    for row, vector in enumerate(SAMPLE[3:6], start=1):
        ada.page.get_by_label(f"Key point {row}", exact=True).fill(vector)
    ada.page.get_by_label("Post number for point 1 (optional)").fill("3")
    submit(ada, "Save")
    problems += ada.visit(desk)
    compose(ada, SAMPLE[5])
    submit(ada, "Save draft")
    expect(ada.page.get_by_text("Draft saved.")).to_be_visible()
    assert liveblog.posts.get(number=1).revisions.get(revision=2).note == SAMPLE[0]
    assert liveblog.posts.get(number=2).state == Post.State.RETRACTED
    assert list(liveblog.key_points.values_list("text", flat=True)) == SAMPLE[3:6]

    draft = liveblog.posts.get(state=Post.State.DRAFT)
    for page in ("", "posts/1/edit/", "posts/3/retract/", "key-points/", f"drafts/{draft.pk}/"):
        problems += ada.visit(desk + page)
    reader = tabs()
    wait_until_served(server, liveblog)
    base = liveblog.get_absolute_url()
    for page in ("", "lite/", *(f"posts/{number}/" for number in range(1, len(SAMPLE) + 1))):
        problems += reader.visit(base + page)
    alts = reader.page.locator("article img").evaluate_all("images => images.map(image => image.alt)")
    assert alts == [as_attribute(SAMPLE[-1])]
    assert_clean(problems + ada.problems() + reader.problems())
