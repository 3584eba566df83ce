"""After the peak: the town counts the cost and starts to plan the clean-up.

Fiction written for Bulletin's demo: Marrowby, the River Sennet, the Lowfold Valley and
everyone quoted are invented.
"""

from .scripted import Picture, ScriptedPost

COUNTING = (
    ScriptedPost(
        minutes=60,
        kind="digest",
        body="""\
**Where things stand:**

- The Sennet has peaked at 4.95 metres in Marrowby, above the town’s flood walls, and
  will stay high for at least six hours.
- About 210 homes have flooded on Quay Street, Mill Lane, Tanners Row and the Riverside
  estate, and the council’s count is still going up.
- Boat crews have lifted more than 50 people from flooded houses. Nobody has been
  seriously hurt.
- About 400 people are at the Cornmarket Hall rest centre, which has room for more.
- Sennet Bridge and the railway are closed; drivers should use the ring road and the
  Hollin Cross bridge.
- A kayaker who went missing near Ellerdyke has been found safe.
- The regional government will pay for the emergency response and has opened its flood
  recovery fund to the town.""",
    ),
    ScriptedPost(
        minutes=52,
        headline="Market Square counts the cost",
        credit="Reporting by Rosa Lindqvist on Market Square",
        body="""\
**Market Square, {clock}** — The water stopped a few metres short of the war memorial,
but the shops along the lower side of Market Square have flooded to knee height. Sadia
Korrin opened her café there eight months ago, after saving for it for ten years.

> I put everything I could on the counter, and the water came up over the counter. The
> fridges, the coffee machine, the new floor. I’m trying not to think about it until I
> can get back in with a mop.

The chair of the Marrowby traders’ association, Leon Abernathy, estimates that about 40
businesses in the town centre have been affected. He is asking the council to waive
business rates for the coming months and to lend traders space in empty units while
they repair their own. Several shops on the upper side of the square have already
offered their back rooms as storage, and a removals firm has lent two vans.""",
    ),
    ScriptedPost(
        minutes=44,
        headline="Going home after a flood: what to do",
        credit="Compiled by the Bulletin demo desk",
        links=({"title": "Council clean-up kits and skips", "url": "https://example.com/clean-up"},),
        body="""\
**Advice** — When the warning is lifted and the police say it is safe to go back, the
council and the fire service ask people to take it slowly:

- Don’t switch the power on until an electrician has checked the wiring, even if the
  rest of the street has its lights back.
- Photograph and film the damage before you clear anything: insurers will want to see it.
- Wear rubber gloves and boots, because flood water carries sewage.
- Throw away any food that has touched flood water, including tins and sealed packets.
- Open doors and windows to dry the house out, and don’t paper or paint over damp walls.
- Keep receipts for anything you buy for the clean-up.

The council will hand out free cleaning kits at Cornmarket Hall and deliver skips to the
worst-hit streets as soon as the water has gone. Insurers say most policies cover the
cost of drying a home out, which can take weeks, and that people should call them before
agreeing to any work, so that nobody is left paying for a job the insurer will not
accept.""",
    ),
    ScriptedPost(
        minutes=36,
        key="map",
        headline="Where the evacuation order still applies",
        credit="Reporting by Jamie Thornbury",
        pictures=(Picture(
            scene="evacuation_map",
            alt="Illustrated street map of Marrowby with the river running across it and the "
                "evacuation area shaded red along the south bank.",
            caption="The area still under the evacuation order, shaded red.",
        ),),
        body="""\
**Evacuation, {clock}** — The order to leave the Riverside estate stays in force, and the
council has extended it to the lower end of Tanners Row, where water is still rising in
some cellars. The order now covers the whole of the Riverside estate, including Alder
Close, Willow Walk, Reed Court and Hollin Road south of the railway; Tanners Row, from
Sennet Bridge down to the old tannery; and Quay Street and Mill Lane, which are closed
to everyone but the emergency services.

Police patrols will stay in the area. Anyone who needs to fetch medicines or a pet from
home should ask at Cornmarket Hall, and an officer will go with them. The council says
it will review the order at every briefing and lift it street by street, starting with
the higher parts of the estate, once the river has fallen below the top of the walls.
Residents will be told by text message and by officers going door to door at the rest
centre, and the buses that took them out will bring them back.""",
    ),
    ScriptedPost(
        minutes=28,
        headline="Rest centre: thank you, but no more clothes",
        credit="Reporting by Nell Arden",
        body="""\
**Cornmarket Hall, {clock}** — The response from the town has been so generous that the
rest centre has run out of room for donations of clothes and bedding, and asks people to
hold on to them for now. What it does still need is phone chargers and cables; baby
formula, nappies and wipes; dog and cat food; and toothbrushes, toothpaste and soap.

Donations can be left at the gate of the Lowfold Academy, where volunteers are sorting
them into boxes before they go up to the hall.

“I have never seen anything like it. We had people queuing in the rain with bin bags of
jumpers,” said Hannah Bexley, who coordinates the volunteers. “Please keep them for now;
there will be families who need them next week.” She said more helpers would be
needed in the days ahead, when people start cleaning out their homes, and asked anyone
willing to lend a hand then to leave their name at the hall.""",
    ),
    ScriptedPost(
        minutes=20,
        headline="More rain on the way, but less of it",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Weather office, {clock}** — Another band of rain is expected to cross the valley in
about 36 hours, bringing 20 to 30 millimetres over the hills. That is much less than
the storm that caused this flood, but the duty forecaster, Morwen Tally, says it will
fall on ground that is still soaked.

> On its own that amount of rain would hardly trouble the Sennet. Falling on hills that
> are already saturated, it could hold the river up for longer, or push it up again a
> little, just as people are starting to clean up.

Before then, the weather office expects a dry, mild spell, which should let the river
fall and give people a chance to start drying their homes. The river authority says it
will keep its warnings under review and expects to replace the severe flood warning with
a lower alert once the Sennet falls below the height of the walls.""",
    ),
    ScriptedPost(
        minutes=13,
        key="count",
        headline="210 homes flooded, council says",
        credit="Reporting by Nell Arden at the town hall",
        body="""\
**Town hall, {clock}** — Lowfold Valley Council now says 210 homes and 38 businesses in
Marrowby have been flooded, most of them on Quay Street, Mill Lane, Tanners Row and the
Riverside estate. Another 60 homes have water in their cellars, and 14 homes in
Ellerdyke and Fennick Cross have flooded too.

Teams of surveyors will begin visiting flooded properties as soon as the water allows,
to assess the damage and decide which homes are fit to live in. The council says it has
found temporary flats for the first 20 families who will not be able to go home soon.

> Every one of those numbers is a family’s home or somebody’s livelihood. We will not
> stop counting until everyone who needs help has been found and helped.

That was the mayor, Ilona Prestwick, who said the council’s fund for families who have
lost belongings would start taking applications as soon as the warning is lifted.""",
    ),
    ScriptedPost(
        minutes=7,
        headline="Police: stay away from the riverbank",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Sennet Bridge, {clock}** — Police have moved dozens of people off the closed Sennet
Bridge and the embankment beside it, where crowds had gathered to take photographs of the
river. Officers have also asked people flying drones over the flooded streets to land
them, because they are getting in the way of the rescue helicopter.

> I understand people want to see it. But the banks are being undercut and can give way
> without any warning, and the water is moving far faster than it looks. Please look at
> the pictures online and stay at home.

That was Inspector Marguerite Haye, who said officers would be posted at both ends of
the bridge and along the embankment until the river has gone down. Anyone who ignores
their instructions could be arrested, she said, though she hoped it would not come to
that. The council has put up barriers at the top of the slipway and along the quay, and
asks parents in particular to keep children away from the water, which is carrying
branches, fencing and at least one garden shed past the town.""",
    ),
    ScriptedPost(
        minutes=2,
        key="rescues",
        headline="Sixty-three people rescued by boat",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Marrowby fire station, {clock}** — Boat crews have now rescued 63 people from flooded
homes in Marrowby and the valley, Lowfold Fire and Rescue says, along with 11 dogs, four
cats and a tortoise. Nobody has been seriously hurt, though two firefighters were
treated for cuts after a boat struck a submerged fence.

Station commander Tobias Rennard said crews were being rested in turns after many hours
on the water, and that fresh crews from neighbouring services had arrived to take over.

> The hardest part is still to come: going back into every flooded house to make sure
> nobody has been missed. We will do that street by street as the water goes down.

The service asks anyone still in a flooded home who wants to leave to call now, rather
than wait for the water to fall, and anyone who has already left to tell the council,
so that crews do not risk their lives searching an empty house.""",
    ),
)
