"""A corrected post's page shows each correction, its note and what changed."""

from html.parser import HTMLParser

from bulletin.liveblogs import services
from bulletin.reader.history import word_diff
from tests.factories import ada, make_liveblog, publish


class Marks(HTMLParser):
    """The words inside <del> and <ins>."""

    def __init__(self, html: str) -> None:
        super().__init__()
        self.inside, self.found = None, {"del": [], "ins": []}
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        self.inside = tag if tag in self.found else self.inside

    def handle_endtag(self, tag):
        self.inside = None if tag == self.inside else self.inside

    def handle_data(self, data):
        if self.inside:
            self.found[self.inside].append(data)


def test_word_diff_marks_removed_and_added_words_and_escapes():
    marks = Marks(word_diff("About 1,400 people <b> arrived".split(), "About 400 people <b> arrived".split()))
    assert marks.found == {"del": ["1,400"], "ins": ["400"]}
    assert "<b>" not in word_diff(["<b>"], ["<i>"])


def test_post_page_lists_corrections_newest_first_with_notes(edge):
    liveblog = make_liveblog()
    post = publish(liveblog, headline="Rest centre opens", body="About 1,400 people are at the rest centre.")
    services.revise_post(post, editor=ada(), revision=1, body="About 400 people are at the rest centre.",
                         note="An earlier version overstated the number of people.")
    services.revise_post(post, editor=ada(), revision=2, headline="Rest centre opens at the school")
    html = edge.get("/live/election-night/posts/1/").text
    history = html.split('id="history-title"')[1]
    assert history.index("Revision 3") < history.index("Revision 2")
    assert "An earlier version overstated the number of people." in history
    marks = Marks(history)
    assert "1,400" in marks.found["del"] and "400" in marks.found["ins"]
    assert "at the school" in " ".join(marks.found["ins"])


def test_unrevised_and_retracted_posts_have_no_history(edge):
    liveblog = make_liveblog()
    publish(liveblog)
    retracted = publish(liveblog, body="Wrong.")
    services.revise_post(retracted, editor=ada(), revision=1, body="Still wrong.")
    services.retract_post(retracted, editor=ada(), reason="Posted in error.")
    assert "history-title" not in edge.get("/live/election-night/posts/1/").text
    page = edge.get("/live/election-night/posts/2/").text
    assert "history-title" not in page and "Still wrong" not in page
