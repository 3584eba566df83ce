"""The river comes over the quay wall: rescues, the power cut, a report that proved wrong.

Fiction written for Bulletin's demo: Marrowby, the River Sennet, the Lowfold Valley and
everyone quoted are invented.
"""

from .scripted import Picture, ScriptedPost

OVERTOPPED = (
    ScriptedPost(
        minutes=305,
        headline="“We’ve packed the photo albums and the cat”",
        credit="Reporting by Rosa Lindqvist on the Riverside estate",
        body="""\
**Riverside estate, {clock}** — Hollin Road has become a queue of people with suitcases,
pet carriers and bin bags full of clothes. Most of them had a few minutes’ warning, and
many are still in the clothes they were wearing when the police knocked.

Dina Okoro, who lives with her two sons in a ground-floor flat on Alder Close, had spent
the past hour lifting what she could onto the top of the wardrobe and the kitchen units.

> We’ve packed the photo albums and the cat. Everything else is just stuff. The boys
> think it’s an adventure, so I’m letting them think that.

Two officers helped an older couple onto the first bus while their neighbour carried
their budgie in its cage. A man who did not want to be named said he would stay in his
upstairs flat, and gave his number to the police. A retired nurse handing out tea from
the back of a van was checking that everyone leaving had at least three days of their
medicines, and writing down the names of anyone who had left theirs behind so that the
rest centre could order more from the pharmacy on Station Road.""",
    ),
    ScriptedPost(
        minutes=300,
        kind="digest",
        body="""\
**The flood so far:**

- A severe flood warning, the highest alert, covers the River Sennet through Marrowby.
- The river is at 3.9 metres at Sennet Bridge and rising faster than forecast. The flood
  walls are built for 4.6 metres; a peak of up to 5 metres is now expected.
- About 600 homes on the Riverside estate have been told to leave. A rest centre is open
  at Cornmarket Hall, above Market Square, with beds for 500 people.
- Trains between Marrowby and Fennick Cross are suspended, and Quay Street, Mill Lane,
  Tanners Row and the Ellerdyke road are closed.
- Forty firefighters and six rescue boats are in the town, with crews from three
  neighbouring services. Nobody has been seriously hurt.
- Schools inside the warning area and the college’s Marrowby campus are closed until
  further notice.""",
    ),
    ScriptedPost(
        minutes=290,
        headline="Brackwater dam is safe, river authority says",
        credit="Reporting by Kofi Amankwah in Brackwater",
        links=({"title": "Brackwater dam: the inspection notes", "url": "https://example.org/brackwater-dam"},),
        body="""\
**Brackwater, {clock}** — The river authority has moved to put down rumours on social
media that the dam at the Brackwater reservoir, in the hills above Ellerdyke, is in
danger. Engineers inspected the dam within the past hour and found no cracks, leaks or
movement, it said, and will go back to check it every few hours until the rain stops.

The reservoir is 87 per cent full. Water is being let out over the spillway at a
controlled rate, which the authority says adds less than two centimetres to the river at
Marrowby, and which leaves room in the reservoir for the rain still to come.

> The dam is designed for far more rain than this and it is doing exactly what it
> should. Please don’t share messages saying otherwise; they frighten people who already
> have enough to worry about.

That was Dr Amara Felling again. The authority asks people to rely on its own website
and on this page, not on forwarded messages, and says it has asked the social media
companies to label the false posts.""",
    ),
    ScriptedPost(
        minutes=275,
        headline="Water pours over the quay wall",
        credit="Reporting by Rosa Lindqvist on Quay Street",
        pictures=(Picture(
            scene="flooded_street",
            alt="Illustration of a row of terraced houses with brown flood water covering the "
                "street up to the ground-floor windowsills, under a heavy grey sky.",
            caption="Flood water on Quay Street after the river came over the wall.",
        ),),
        body="""\
**Quay Street, {clock}** — The Sennet has come over the flood wall at the downstream end
of Quay Street, its lowest point. Within 20 minutes the water was ankle-deep in the road
and running into the first cellars. Firefighters are pumping it back over the wall, but
say they cannot keep pace with it, and have asked for a third pump to be sent from the
depot on Station Road.

Residents were wading between houses to push extra sandbags into the gaps between
doors. Walter Finchley, whom we met earlier, was helping his neighbours lift a sofa onto
bricks and carry a freezer up the stairs, stopping now and then to check on his own
front step.

The river authority said the gauge at Sennet Bridge read 4.58 metres when the water came
over, a little below the wall’s design height, because the ground behind this stretch has
settled since the wall was built. It expects more of the wall to be overtopped as the
river keeps rising, and has asked the council to move everyone left on Quay Street to
upstairs rooms.""",
    ),
    ScriptedPost(
        minutes=262,
        headline="Power cut to 2,300 homes",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Marrowby, {clock}** — About 2,300 homes and businesses in the town centre have lost
power after the electricity network switched off the substation behind Tanners Row to
protect it from flood water. Lowfold Power said the shutdown was deliberate and that
customers would be reconnected as soon as the water around the site goes down. Fire
crews had tried to keep the substation dry with two high-volume pumps, but the water rose
too quickly for them.

The company says customers who rely on electrical medical equipment should call its
priority line if nobody has contacted them yet. A generator is being set up at
Cornmarket Hall for people who need to charge equipment or keep medicines cold, and
engineers are lending out battery packs from a van parked outside.

Traffic lights on Market Square and Station Road are out, and police are directing
traffic at both junctions. The council asks drivers to treat every junction without
working lights as if it had a stop sign, and to expect long queues on the ring road.""",
    ),
    ScriptedPost(
        minutes=250,
        headline="Mayor: “The town will look after its own”",
        credit="Reporting by Nell Arden at the town hall",
        body="""\
**Town hall, {clock}** — The mayor of Marrowby, Ilona Prestwick, spoke to reporters after
a meeting of the town’s emergency response group, which brings together the council,
the police, the fire service, the river authority and the hospital.

> This is a frightening day for a lot of people. I want to thank everyone who has opened
> their door to a neighbour, filled a sandbag or made a pot of tea for a firefighter.
> The town will look after its own. The most useful thing anyone can do now is stay
> away from the river. Please don’t come down to look. Every car on Sennet Bridge is a
> car an ambulance has to get round.

She said the council had asked the regional government for help with the cost of the
response and the clean-up, and that a fund for families who lose belongings would open
once the water has gone down. She would not say how many homes had flooded, because the
figures were still being counted, but promised to give them at the next briefing. Asked
whether the walls should have been higher, she said that was a question for later.""",
    ),
    ScriptedPost(
        minutes=238,
        headline="Boat crews lift 14 people from Mill Lane",
        credit="Reporting by Kofi Amankwah",
        pictures=(Picture(
            scene="rescue_boat",
            alt="Illustration of an orange inflatable rescue boat carrying three firefighters "
                "in helmets along a flooded street between half-submerged houses.",
            caption="A boat crew working along Mill Lane.",
        ),),
        body="""\
**Mill Lane, {clock}** — Firefighters in two inflatable boats have brought 14 people out
of houses on Mill Lane, where the water is now waist-deep. Among them were a family with
a six-week-old baby and a man in his eighties who uses a wheelchair; all were taken to
Cornmarket Hall, where paramedics checked them over.

Crews are working along the street house by house, knocking on doors and windows and
checking upstairs rooms for anyone who did not answer. People who choose to stay are
given advice, bottled water and a number to ring if they change their minds.

> People have been brilliant. Most were packed and waiting at the window for us. What
> slows us down is traffic: drivers are still trying to get through on the side roads,
> and their wash pushes water into houses we have just cleared.

That was station commander Tobias Rennard, who said the boats would keep working along
Mill Lane and the streets off it for as long as anyone there needed to get out.""",
    ),
    ScriptedPost(
        minutes=225,
        key="help",
        headline="Flooded, or worried about someone? Where to get help",
        credit="Compiled by the Bulletin demo desk",
        links=(
            {"title": "Council flood help and rest centres", "url": "https://example.com/flood-help"},
            {"title": "River authority warnings", "url": "https://example.org/warnings"},
        ),
        body="""\
**Help and advice** — If you or anyone with you is in danger, call the emergency
services straight away. Otherwise:

- Rest centres: Cornmarket Hall, above Market Square, is open at all hours, with beds,
  hot food and room for pets. The Lowfold Academy sports hall opens if it fills up.
- Leaving home: take medicines, phone chargers, documents and warm clothes, and tell the
  council or the police where you are going, so that nobody searches for you.
- Power cuts: Lowfold Power’s priority line is for people who depend on medical
  equipment at home; a generator at Cornmarket Hall can charge equipment.
- Don’t walk or drive through flood water, and keep children and pets out of it: it
  carries sewage and hides open drains and debris.
- Check on neighbours who live alone, especially older people, and tell the fire service
  about anyone who may need help to leave.

This post stays at the top of the page and is kept up to date as the advice changes.""",
    ),
    ScriptedPost(
        minutes=212,
        key="footbridge-report",
        headline="Old Mill footbridge reported down",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Ellerdyke road, {clock}** — Several people at the scene have told us that the Old Mill
footbridge, the iron bridge that carries the riverside path over the Sennet just upstream
of the town, has been swept away. Police had closed the bridge to walkers earlier in the
day, after debris from upstream, including whole trees, began piling up against its
supports.

We are asking the council to confirm this and will update this post.""",
    ),
    ScriptedPost(
        minutes=200,
        headline="Old Mill footbridge damaged but standing",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Ellerdyke road, {clock}** — The Old Mill footbridge is still standing, the council has
confirmed, despite reports, including on this page, that it had been swept away. A tree
carried down the river has struck the bridge and bent part of its railing, and a stretch
of the path at its western end has been washed out. Our reporter, who has now reached the
bank opposite the bridge, can see both iron spans in place, with water and branches
piled high against the upstream side.

> The iron spans look sound. What worries me is the pile of debris against the middle
> pier, which is pushing water up behind the bridge. We won’t know how much damage there
> is until the river drops and we can get underneath.

That was Callum Ostrander, a bridge engineer who inspected it from the bank. The bridge
and the path on both banks stay closed. The council asks people not to go near it to
take photographs: the current is eating into the bank there, and a section of the path
has already fallen into the river.""",
    ),
)
