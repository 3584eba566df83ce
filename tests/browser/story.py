"""Election night in Riverton, as a newsroom would write it: the browser tests' data."""

import datetime as dt
import io
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image, ImageDraw

from bulletin.liveblogs import services
from bulletin.liveblogs.models import LiveBlog, Post
from tests.factories import make_liveblog, make_user

POLLS_CLOSED = """\
**Polls have closed across Riverton.** The last voters at the Northgate library were let in \
just before 22:00, when officials locked the doors and began sealing ballot boxes for the \
short drive to the count at Riverton High School.

Queues were longest in the riverside wards, where several polling stations ran out of \
ballot envelopes in the late afternoon and had to wait almost an hour for new supplies. \
The city's returning officer, Helen Marsh, said nobody who was in a queue at 22:00 had been \
turned away, and that spoiled or missing envelopes would not delay the count.

Three seats on the council are being decided tonight, along with the mayoralty, which \
Councillor Grace Okafor has held for eight years. Her challenger, the former schools \
director Tom Reyes, has run on a promise to reopen the two libraries closed last spring.
"""

TURNOUT = """\
**Turnout reached 58 per cent by the close of polls,** according to figures released by \
the electoral office a few minutes ago, the highest for a city election since 1994.

The office said 41,870 of Riverton's 72,190 registered voters had cast a ballot in person, \
with postal votes still arriving from the sorting office and not yet included. Four years \
ago turnout finished at 46 per cent once postal votes had been added.

Officials put the rise down to the mayoral race, the first contested one since 2016, and \
to the new polling station at the Eastfield sports centre, which opened this year after \
residents complained of walking more than two kilometres to vote. Staff there reported \
a steady line all evening, much of it young families who had never voted in a city \
election before, according to the station's presiding officer.
"""

TURNOUT_CORRECTED = TURNOUT.replace("58 per cent", "61 per cent").replace(
    "41,870", "44,030"
)

COUNT_BEGINS = """\
**The count has begun in the sports hall of Riverton High School.** About two hundred \
volunteers, most of them teachers and retired council staff, are opening the first boxes \
from the Northgate and Eastfield wards under the eyes of both campaigns' observers.

Each ballot is checked twice before it goes into a candidate's tray, and the returning \
officer has asked counters to set aside any paper where the voter's intention is unclear \
rather than guess. Those will be examined together with the candidates' agents once the \
main count is done, which usually happens a little after midnight.

Ms Marsh told reporters she expected the first ward result at about 00:30 and the mayoral \
declaration between 02:00 and 03:00, depending on how many postal votes come in tonight.
"""

OKAFOR_QUOTE = """\
**Mayor Grace Okafor arrived at the count a few minutes ago** and spoke briefly to \
reporters in the car park. She said her campaign had knocked on more doors this year than \
in either of her previous races, and thanked the volunteers who had driven older voters \
to the polls all day.

> Whatever happens tonight, Riverton voted in numbers we have not seen for a generation, \
and that is a win for the city.

She would not say whether she expected to hold on. Asked about the library closures, \
which have dominated the campaign, she said the decision had been forced by the state's \
cuts to city funding and that she would "look again at every option" in a new term. Her \
agent, Daniel Cho, said the campaign's own tallies from the riverside wards looked \
"closer than the polls suggested".
"""

CONCESSION = """\
**Mayor Grace Okafor has conceded the race to Tom Reyes,** according to a member of her \
campaign staff who spoke to us at the count. We will bring you more as soon as we have it, \
including the figures for each ward and what the result means for the council.

The staff member said the mayor had telephoned Mr Reyes from the school car park shortly \
after the Eastfield boxes were opened, and that she intended to speak to supporters at her \
campaign office on Mill Street later tonight. Neither campaign has confirmed the call, and \
we have asked both for a statement.
"""

WARD_RESULTS = """\
**The first ward results are in,** and they show a close race for mayor. These are the \
declared figures for the three wards counted so far:

- Northgate: Okafor 3,412, Reyes 3,198
- Eastfield: Reyes 4,077, Okafor 2,861
- Old Town: Okafor 2,950, Reyes 2,744

That puts Tom Reyes ahead by 346 votes with five wards still to declare. The riverside \
wards, where queues were longest and where both campaigns spent most of their money, are \
expected next. Turnout in Eastfield, the ward with the new polling station, was 67 per \
cent, nine points above the city average. The council seat in Old Town went to the \
Greens' Priya Nair, who takes it from the mayor's party by 211 votes after two recounts \
of the bundles of ballots where voters had marked more than one box.
"""

ANALYSIS = """\
**Analysis: why Eastfield may decide this.** Our political correspondent, Jonah Weiss, \
has been looking at the ward figures as they come in.

Eastfield has grown faster than any other part of Riverton over the past decade, most of \
it in new flats along the ring road. Those voters were, until this year, a long walk from \
any polling station, and their turnout was the lowest in the city. The new station changed \
that, and Mr Reyes campaigned there harder than anywhere else, holding four of his six \
town hall meetings in the ward.

If the riverside wards split evenly, as they did four years ago, Eastfield's margin alone \
would be enough for Mr Reyes. The [full ward-by-ward results](https://example.org/riverton/results) \
are on the electoral office's site, updated as each ward declares.
"""

SO_FAR = """\
**What we know so far:** Tom Reyes leads Mayor Grace Okafor by 346 votes with five of \
eight wards still to declare. Turnout was 61 per cent, the highest for a city election \
since 1994, and postal votes are still being counted.

Earlier we reported that the mayor had conceded. That was wrong, and we have retracted \
the post; she has said she will wait for the final count. The Greens have gained the \
Old Town council seat, and the mayoral declaration is expected between 02:00 and 03:00. \
Stay with us: we will bring you every ward's result as it is declared.
"""

POSTAL_VOTES = """\
**Postal votes are being counted now,** in a separate room at the back of the sports \
hall. The returning officer said 6,450 postal ballots had arrived by the close of polls, \
about a thousand more than four years ago, and that each envelope's declaration has to be \
checked against the register before the ballot inside can be counted.

That check is slow. Observers from both campaigns are watching it closely, because postal \
voters in Riverton have in the past leaned towards the sitting mayor. If they do so again \
tonight, Mayor Okafor could close some of the gap with Mr Reyes before the riverside \
wards declare.

Ms Marsh said she would announce the postal totals for each ward together with that \
ward's result, rather than as a separate figure at the end of the night.
"""


def photo_jpeg(width: int = 640, height: int = 360) -> bytes:
    """A small JPEG made in memory: a hall, some tables, a banner."""
    image = Image.new("RGB", (width, height), (206, 198, 180))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, width, height // 3), fill=(70, 90, 120))
    for left in range(40, width - 80, 150):
        draw.rectangle((left, height // 2, left + 110, height // 2 + 40), fill=(120, 80, 40))
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=80)
    return buffer.getvalue()


PHOTO = {
    "alt": "Volunteers at long tables sort ballot papers into trays in a school sports hall",
    "caption": "Counting began shortly after 22:15 at Riverton High School.",
    "credit": "Photo: Maria Lindqvist",
}
RESULTS_URL = "https://example.org/riverton/results"
RETRACTION = "We reported that Mayor Okafor had conceded. She has not, and we regret the error."


@dataclass
class Story:
    liveblog: LiveBlog
    posts: list[Post]  # in the order published
    pinned: Post
    pictured: Post
    revised: Post
    retracted: Post


def _first_hour() -> list[dict]:
    """The first hour's posts, oldest first, as publish_post's arguments."""
    results_link = {"title": "Riverton’s results, ward by ward", "url": RESULTS_URL}
    photo = services.ImageUpload(file=ContentFile(photo_jpeg(), name="count.jpg"), **PHOTO)
    return [
        {"headline": "Polls close", "body": POLLS_CLOSED},
        {"body": TURNOUT, "links": [results_link]},
        {"headline": "The count begins", "body": COUNT_BEGINS, "images": [photo]},
        {"body": OKAFOR_QUOTE, "credit": "Reporting by Sam Ortiz"},
        {"body": CONCESSION},
        {"headline": "First wards declare", "body": WARD_RESULTS, "links": [results_link]},
        {"body": ANALYSIS},
        {"headline": "What we know so far", "body": SO_FAR, "kind": Post.Kind.DIGEST},
        {"body": POSTAL_VOTES},
    ]


def election_night() -> Story:
    """Publish the first hour, a post every six minutes, then correct, retract and pin as a desk would."""
    liveblog = make_liveblog()
    editor = make_user()
    start = timezone.now() - dt.timedelta(hours=1)
    posts = [
        services.publish_post(liveblog, author=editor, at=start + dt.timedelta(minutes=6 * n), **fields)
        for n, fields in enumerate(_first_hour())
    ]
    turnout, pictured, concession, wards, so_far = posts[1], posts[2], posts[4], posts[5], posts[7]
    revised = services.revise_post(turnout, editor=editor, revision=turnout.revision,
                                   body=TURNOUT_CORRECTED, note="Corrected the turnout figures.")
    retracted = services.retract_post(concession, editor=editor, reason=RETRACTION)
    pinned = services.pin_post(so_far, editor=editor)
    services.set_key_points(liveblog, editor=editor, revision=liveblog.key_points_revision, points=[
        {"text": "Tom Reyes leads Mayor Okafor by 346 votes with five wards to declare",
         "post": wards.number},
        {"text": "Turnout was 61 per cent, the highest since 1994", "post": turnout.number},
        {"text": "Mayoral declaration expected between 02:00 and 03:00", "post": None},
    ])
    liveblog.refresh_from_db()
    return Story(liveblog, posts, pinned, pictured, revised, retracted)


def rest_of_the_night(story: Story, count: int) -> list[Post]:
    """Publish count more posts, written like the first hour's."""
    bodies = [POLLS_CLOSED, TURNOUT_CORRECTED, COUNT_BEGINS, OKAFOR_QUOTE, WARD_RESULTS, ANALYSIS,
              POSTAL_VOTES]
    headlines = ["", "Riverside wards declare", "", "Recount in Old Town", ""]
    editor = make_user()
    return [
        services.publish_post(story.liveblog, author=editor, body=bodies[n % len(bodies)],
                              headline=headlines[n % len(headlines)])
        for n in range(count)
    ]
