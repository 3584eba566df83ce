"""The rest centre fills and the river climbs to its peak.

Fiction written for Bulletin's demo: Marrowby, the River Sennet, the Lowfold Valley and
everyone quoted are invented.
"""

from .scripted import Picture, ScriptedPost

PEAK = (
    ScriptedPost(
        minutes=188,
        key="rest-centre",
        headline="Cornmarket Hall fills up",
        credit="Reporting by Nell Arden at Cornmarket Hall",
        body="""\
**Cornmarket Hall, {clock}** — About 1,400 people are now at the rest centre in
Cornmarket Hall, the council says, most of them from the Riverside estate and Mill Lane.
Many more have gone to stay with family or friends, and a hotel on the ring road has
offered its empty rooms to families with babies.

Rows of camp beds fill the main hall. Children are watching a film in a side room, and
there is a corner for dogs, with water bowls and a pile of donated blankets. The kitchen
has served more than 900 hot drinks, and a pharmacist from Station Road has set up at a
table by the door to replace medicines people left behind.

> We have beds for everyone here and room for more. What we are short of is phone
> chargers and baby formula, and we would be very grateful for both.

That was Hannah Bexley, who is coordinating the volunteers. The council says the Lowfold
Academy sports hall will open as a second centre if the number of people at Cornmarket
Hall passes 450.""",
    ),
    ScriptedPost(
        minutes=175,
        headline="River passes the height of the walls",
        credit="Reporting by Nell Arden",
        body="""\
**Sennet Bridge, {clock}** — The gauge at Sennet Bridge has reached 4.71 metres, higher
than the 4.6-metre flood walls along the quay. Water is now coming over the wall along
most of Quay Street and through the gap where the wall meets Mill Lane, and the streets
behind it are filling from both ends.

Dr Amara Felling of the river authority said the rise had slowed, from about 20
centimetres an hour to about eight, and that the rain over the hills had started to
move away to the east. “That is the first good news of the day,” she said. “But the
water already upstream still has to pass through the town, so we expect the river to
keep rising for at least another two hours before it levels off.”

By the council’s first count, water has reached the ground floors of around 150 homes,
and the number is expected to rise. The severe flood warning stays in place, and the
authority has added the villages of Ellerdyke and Fennick Cross to it.""",
    ),
    ScriptedPost(
        minutes=163,
        key="roads",
        headline="Sennet Bridge closes: the diversions",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Travel, {clock}** — Police have closed Sennet Bridge to all traffic, leaving the ring
road bridge at Hollin Cross as the only way over the river in Marrowby. Engineers want
to inspect the old bridge once the water is lower; its arches are now almost full, and
branches are catching against its piers. The diversions are:

- From the north of the town to the station and the hospital, use the ring road and the
  Hollin Cross bridge.
- The Ellerdyke road stays closed at the Old Mill; use the hill road through Fennick
  Cross instead, which is narrow and slow.
- Buses on routes 4 and 7 are diverted and will not stop on Market Square.

Replacement buses for the suspended trains still leave from Station Road, but every
journey is taking at least 40 minutes longer than usual. Police again asked people to
stay at home unless their trip is essential, and to leave the ring road clear for
ambulances, fire engines and the lorries carrying pumps and sandbags into the town.""",
    ),
    ScriptedPost(
        minutes=150,
        headline="Voices from Cornmarket Hall",
        credit="Reporting by Rosa Lindqvist at Cornmarket Hall",
        pictures=(Picture(
            scene="rest_centre",
            alt="Illustration of a large hall with tall windows and rows of green camp beds "
                "with folded blankets, and a table of hot drinks at the far end.",
            caption="Camp beds set out in the main room of Cornmarket Hall.",
        ),),
        body="""\
**Cornmarket Hall, {clock}** — We have been talking to some of the people who have spent
the past few hours here. Graham Pell, a bus driver, left his house on Alder Close with
his teenage daughter when the police came to the door:

> The water was at the bottom step when they knocked, and I didn’t think it would get
> in. Then a neighbour sent me a video of our street. It’s over the letterbox now.

Sunita Marr runs a hairdresser’s on Market Square and came to the hall to help rather
than to stay. She has set up a chair by the stage and is cutting hair for anyone who
asks, free of charge:

> It takes their minds off it, and mine. I haven’t been able to look at the shop. I
> don’t want to know yet.

Owen Tarrant, from the rugby club, said he and his teammates had carried in 120 camp
beds, two vans of bedding and a borrowed urn, and would stay as long as they were
needed.""",
    ),
    ScriptedPost(
        minutes=138,
        headline="Hospital open, but asks for patience",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Marrowby General Hospital, {clock}** — Marrowby General, which stands on high ground
north of the river, is open and working normally, says its chief nurse, Bernadette
Quill. Ambulances are reaching the town centre by the ring road, and two more have been
lent by a neighbouring service to cover the longer journeys.

The hospital has postponed routine outpatient appointments for people who live south of
the river; they will be contacted to book a new date. Patients who would otherwise be
going home to flooded streets are being kept in for longer, and the hospital is working
with the council to find them somewhere dry to go.

> If you need us, come. But please think about whether your visit can wait a day or
> two. Every trip across the river adds to the traffic the emergency services are
> fighting through.

Visiting hours are unchanged, but the hospital asks for one visitor per patient, and for
visitors to use the ring road rather than the town centre.""",
    ),
    ScriptedPost(
        minutes=126,
        headline="Tap water is safe to drink",
        credit="Reporting by Nell Arden",
        links=({"title": "Valley Water: advice for flooded homes", "url": "https://example.com/tap-water"},),
        body="""\
**Marrowby, {clock}** — Valley Water says the town’s tap water is safe to drink and
there is no need to boil it. The treatment works that supplies Marrowby is upstream of
the flood, on high ground, and has not been affected. The company is testing samples
from the town’s reservoirs every few hours to make sure that stays true.

It does have three requests for people in flooded streets. Run the cold tap for a few
minutes before using the water again. Don’t use water from a private well or borehole in
the flooded area until it has been tested. And use as little water as you can, so the
sewers can cope: drains in some streets are already backing up, and every flush and
every bath adds to the load.

Bottled water is available at Cornmarket Hall for anyone who wants it, and the company
says it will deliver more to anyone who cannot get there.""",
    ),
    ScriptedPost(
        minutes=115,
        headline="Search for kayaker near Ellerdyke",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Ellerdyke, {clock}** — Rescue teams are searching the Sennet near Ellerdyke after a
kayaker was reported missing on the river. A friend watching from the bank raised the
alarm when he failed to reach a meeting point downstream, police said.

A rescue helicopter, two boat crews and the valley’s volunteer search and rescue team
are taking part, working downstream from the spot where he was last seen. Police have
not named the kayaker but said he is an experienced paddler in his thirties, and that
his family has been told.

“The river is running at a speed and a height that nobody should be out on, however
experienced they are,” said Inspector Marguerite Haye. “Please, stay off the water and
away from the banks.” Police have closed the riverside paths between
Ellerdyke and Marrowby, and ask anyone who sees a kayak, a paddle or a person in the
water to call the emergency services rather than try to help themselves.""",
    ),
    ScriptedPost(
        minutes=105,
        headline="Minister promises help with the clean-up",
        credit="Reporting by Nell Arden",
        body="""\
**Regional government, {clock}** — The region’s environment minister, Carys Bellweather,
says the regional government will pay for the emergency response in Marrowby and the
rest of the valley, and has opened its flood recovery fund to the town.

> I have spoken to the mayor and to the fire service, and I have told them: whatever you
> need to keep people safe, you will have. When the water goes down, we will be there
> for the clean-up too.

Households whose homes have flooded will be able to claim an emergency payment towards
the first costs, and small businesses a grant towards lost stock. The minister said
details would be published once the council had a full count of flooded properties.

Opposition councillors said the town had asked for the quay walls to be raised five
years ago, and want to know why the work never happened. The minister’s office said a
review of the valley’s defences was already planned and would now be brought forward.""",
    ),
    ScriptedPost(
        minutes=95,
        headline="Eighty sheep moved to high ground",
        credit="Reporting by Rosa Lindqvist in Fennick Cross",
        body="""\
**Fennick Cross, {clock}** — Not every rescue in the valley has involved people. At
Fennick Cross, the farmer Elin Marsh and four neighbours have moved 80 ewes from the
fields beside the river to a hillside pasture, using two tractors, a trailer and a
great deal of shouting.

> The river field was a lake by the time we got the last of them out. One old girl
> decided to swim for it, and my son had to go in up to his chest to fetch her.

The sheep are all safe, she said, though her hay store is flooded and she does not yet
know how much feed she has lost. Farmers further down the valley have offered to share
theirs. The council says anyone with livestock at risk should ring its flood line,
which can put them in touch with volunteers who have trailers. Elin Marsh said the
village had done the same thing for her father when she was a girl, the last time the
river came up this far, and that she had always expected to return the favour one day
rather than need it.""",
    ),
    ScriptedPost(
        minutes=84,
        headline="Missing kayaker found safe",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Ellerdyke, {clock}** — The kayaker who went missing on the Sennet has been found safe
and well, police say. He managed to get out of the river about two kilometres
downstream of where he was last seen and sheltered in a farm building, where a search
team found him wrapped in feed sacks to keep warm.

He was cold but unhurt and has been checked over by paramedics, who decided he did not
need to go to hospital. Inspector Marguerite Haye thanked the volunteer search team, who
had been on the river since the alarm was raised, and the farmer who opened his
buildings to them, and repeated her warning: “This ended well. The next one might not.
Please stay off the river until the warnings are lifted, whatever your experience.”

The riverside paths between Ellerdyke and Marrowby remain closed, and the helicopter has
returned to its base. The kayaker’s friend, who raised the alarm, told our reporter that
they had planned the trip weeks ago and had not expected the river to rise so fast; he
said they would both be staying on dry land for a while.""",
    ),
    ScriptedPost(
        minutes=74,
        key="peak",
        headline="Sennet peaks at 4.95 metres",
        credit="Reporting by Nell Arden",
        body="""\
**Sennet Bridge, {clock}** — The river authority believes the Sennet has reached its
peak in Marrowby. The gauge at Sennet Bridge read 4.95 metres, the highest since it was
installed, and has held there for the past 40 minutes. Gauges further up the valley, at
Ellerdyke and Fennick Cross, have already begun to fall.

> We are confident this is the peak. It will fall slowly: the ground is full of water
> and the upper valley is still draining. Expect the river to stay above the height of
> the walls for at least another six hours.

That was Dr Amara Felling. The severe flood warning stays in place. Water will keep
coming over the quay wall while the river is this high, and people should not try to go
home until the warning is lifted, even where the water in their street looks shallow.
The authority will publish a new reading from each of its gauges every 15 minutes.""",
    ),
)
