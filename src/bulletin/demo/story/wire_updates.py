"""What the demo wire posts while the demo runs: the flood as the river slowly goes down.

Fiction, like the rest of the story. ``{clock}`` is the time of posting and ``{level}``
the river reading, which falls a little with every post, so no two posts read alike.
``minutes`` is unused here: the wire posts at the moment it ticks.
"""

from .scripted import Amendment, Picture, ScriptedPost

WIRE_UPDATES = (
    ScriptedPost(
        minutes=0,
        headline="The Sennet is falling",
        credit="Reporting by Nell Arden",
        body="""\
**Sennet Bridge, {clock}** — The river is going down. The gauge at Sennet Bridge reads
{level} metres, the river authority says, and the level is falling by a few centimetres
every quarter of an hour.

Dr Amara Felling, the authority’s hydrologist, said the fall would be slow and uneven,
because the streams in the upper valley are still draining into the Sennet.

> Don’t be surprised if it stalls for a while, or even ticks up a centimetre or two.
> What matters is the trend, and the trend is down.

The severe flood warning stays in place until the river is well below the top of the
walls. Firefighters are still pumping water back over the quay wall where it has pooled
behind it, and the authority says the streets nearest the river will drain last, because
the water there has nowhere to go until the Sennet drops below the level of the outfalls
that normally carry rain away from the town.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Boat crews make a second sweep of Quay Street",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Quay Street, {clock}** — Two boat crews are working their way back along Quay Street,
checking every house they cleared earlier. Firefighters are marking each door with
chalk once they have spoken to the people inside, or made sure nobody is there.

Most residents who stayed upstairs say they are dry and have food, and want to stay
put until the water has gone. Crews are leaving bottled water and torches with anyone
who asks.

Station commander Tobias Rennard said the chalk marks would be checked against the list
of people the police recorded when the estate was evacuated, so that every household
was accounted for. “We would rather knock on the same door five times than miss one
person,” he said. Crews are also checking cellars where they can reach them, because
water that has come in through the floor can rise faster than people expect, and asking
anyone who smells gas to leave at once and call the emergency services from outside.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Hot meals at the rest centre",
        credit="Reporting by Rosa Lindqvist",
        body="""\
**Cornmarket Hall, {clock}** — The kitchen at the rest centre is serving hot meals again,
cooked by staff from three restaurants on Market Square whose own premises are closed.
On the menu are vegetable soup, shepherd’s pie and a vegan stew, with fruit for the
children.

The cooks volunteered after seeing the council’s appeal for help. One of them, Tomasz
Brell, said:

> Our kitchen is under water, so we brought the knives here. Cooking is what we know how
> to do, and people who have lost their homes should at least eat well.

The council says it will keep serving meals at the hall for as long as people are
staying there. The restaurants’ owners have asked for nothing in return, but a local
wholesaler has offered to replace the food they are using, and the council says it will
cover their staff’s wages for the shifts they work. Anyone with a special diet is asked
to tell the volunteers at the door, and a separate table has been set aside for people
with allergies.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Roads: what is open now",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Travel, {clock}** — Police have reviewed the closures around Marrowby. As things stand:

- Sennet Bridge remains closed until engineers have inspected its arches.
- The ring road and the Hollin Cross bridge are open and moving slowly.
- The Ellerdyke road is open as far as the Old Mill, then closed.
- Quay Street, Mill Lane and Tanners Row are closed to all but emergency vehicles.

Trains between Marrowby and Fennick Cross are still suspended, and replacement buses run
from Station Road. Drivers are asked to keep clear of the town centre and to give way to
the convoys of pumps and council lorries moving in and out. Police say roads that have
been under water can hide potholes and washed-out edges even after the water has gone,
and that the council will inspect each one before it reopens. Cyclists and walkers are
asked to stay off the riverside paths, which remain closed, and to use the ring road
footway to cross the river at Hollin Cross.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="First skips arrive for the clean-up",
        credit="Reporting by Rosa Lindqvist",
        body="""\
**Mill Lane, {clock}** — The first council skips have arrived at the top of Mill Lane,
where the water has dropped back enough for residents to reach their front doors in
boots. Some have already begun carrying out sodden carpets, sofas and cardboard boxes.

The council asks people to separate electrical goods from other rubbish, and not to
throw anything into the river or down the drains. Skips will be emptied and replaced
through the day.

One resident, Aled Crane, stood in his doorway holding a photograph album he had found
floating in the hall.

> Most of it can go. This, I’m drying out on the radiator when we have power again.

Council officers are going from house to house with forms for the emergency payment, and
say anyone who needs help carrying heavy furniture to the skips should ask them rather
than risk an injury; volunteers from the rugby club are on standby to help.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Rain clears from the hills",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Weather office, {clock}** — The last of the rain has cleared the Lowfold hills, and the
weather office expects a dry spell of at least a day before the next, lighter band of
rain arrives.

Morwen Tally, the duty forecaster, said the break would give the Sennet a chance to
drain, and the river authority a chance to clear debris from bridges and culverts.

> A dry day is the best thing that can happen now. It gives the ground time to soak
> some of this up, and people a chance to start drying their homes out.

Temperatures will be mild, she said, which will help houses dry but means anyone
clearing out a flooded home should wear gloves and wash their hands often. The next band
of rain should be much lighter than the storm, but the weather office will keep its
forecasters on duty around the clock and update its warnings as soon as the models
agree on how much will fall over the hills.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Patrols guard the empty streets",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Riverside estate, {clock}** — Police patrols are keeping watch over the evacuated
streets of the Riverside estate and Tanners Row, on foot and in boats. No burglaries
have been reported, Lowfold Police says.

Inspector Marguerite Haye said officers had stopped two people trying to reach empty
homes by canoe; both turned out to be residents fetching medicines and were escorted
there and back.

> People can be reassured that their homes are being watched. If you need something
> from inside, ask us and we will take you; please don’t try to get in on your own.

Residents can ask for an escort at the police desk in Cornmarket Hall. Officers are also
keeping an eye out for rogue traders, who have been known to follow floods from town to
town offering cheap repairs and asking for cash up front. The police advise people to use
builders recommended by their insurer or the council, to get written quotes, and never to
pay for work before it has been done.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Crane lifts debris from the Old Mill footbridge",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Ellerdyke road, {clock}** — A crane has been driven up the Ellerdyke road to start
lifting the trees and debris piled against the Old Mill footbridge. The council’s bridge
engineer, Callum Ostrander, said clearing the blockage would let the river flow freely
under the bridge again and relieve the pressure on its middle pier.

> We have taken out two whole trees already. Once the pier is clear we can get a proper
> look at it. So far, the ironwork is holding up better than I dared hope.

The bridge and the riverside path on both banks stay closed while the work goes on.
The crane is working from the Ellerdyke road, which is closed to traffic beside the Old
Mill while it is there. Once the debris is out, divers will inspect the pier’s
foundations, and the council will decide whether the bridge can reopen to walkers or will
need repairs first. Its engineers have already started work on a temporary path to
replace the washed-out stretch at the western end.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Power back for part of the town centre",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Marrowby, {clock}** — Lowfold Power has reconnected several hundred homes and
businesses north of Market Square by routing their supply around the flooded substation
behind Tanners Row. Traffic lights on Station Road are working again.

The company says homes closer to the river will stay off until the substation has dried
out and been checked, which could take several days. Engineers will then reconnect
streets one at a time.

It repeats its advice: anyone whose home has flooded must not switch anything back on
until an electrician has checked the wiring, even if the power returns to the street. The
company has brought in engineers from across the region and says it will put up a list of
streets and the order in which they will be reconnected at Cornmarket Hall and on its
website. Customers without power for more than a day will be paid compensation
automatically, without having to claim it.""",
    ),
    ScriptedPost(
        minutes=0,
        kind="digest",
        body="""\
**The latest on the Marrowby flood:**

- The Sennet is falling slowly; the gauge at Sennet Bridge reads {level} metres. The
  severe flood warning stays in place for now.
- About 210 homes and 38 businesses have flooded. The Riverside estate and lower Tanners
  Row are still evacuated.
- Boat crews have rescued 63 people. Nobody has been seriously hurt.
- Cornmarket Hall is open at all hours for anyone who needs a bed, a meal or advice, and
  asks for phone chargers, baby formula and pet food rather than clothes.
- Sennet Bridge and the railway are closed; use the ring road and the Hollin Cross bridge.
- The clean-up has begun in the streets where the water has gone: skips are arriving and
  volunteers are signing up at the hall.
- Families who have lost belongings can apply to the council’s fund once the warning is
  lifted.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Water drains from Quay Street",
        credit="Reporting by Rosa Lindqvist on Quay Street",
        pictures=(Picture(
            scene="receding_water",
            alt="Illustration of a terraced street with shallow muddy water draining away from "
                "the doorsteps and a line of dirt on the walls showing where the flood reached.",
            caption="The flood line left on the houses of Quay Street as the water drains away.",
        ),),
        body="""\
**Quay Street, {clock}** — For the first time since the wall was overtopped, the road
surface on Quay Street is showing through the water at the top of the street. A line of
brown mud on the house fronts marks how high the flood reached, a little above the
windowsills.

Walter Finchley, who helped his neighbours move their furniture as the water rose, was
back on his doorstep in waders.

> I said I would never see it this high again, and here we are. But look at the street:
> everybody out, everybody helping. That is what gets you through.

The river authority expects the rest of the street to drain as the Sennet falls. As the
water goes, it leaves a layer of silt on everything it touched: pavements, doorsteps and
the cars that were not moved in time. Council sweepers will follow the water down the
street, and residents are asked to leave bags of ruined belongings at the kerb rather
than in the road, so that the lorries can get through.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Volunteers sign up for the clean-up",
        credit="Reporting by Nell Arden",
        body="""\
**Cornmarket Hall, {clock}** — More than 300 people have put their names down to help
with the clean-up, the volunteer coordinator Hannah Bexley says, so many that the list
had to be moved from a clipboard to a spreadsheet.

Volunteers will work in teams led by council staff, carrying out damaged furniture,
shovelling mud and helping older residents sort through their belongings. The first
teams go out as soon as the police say the streets are safe.

> I have never seen anything like it. People are coming in from villages up and down the
> valley asking what they can carry. We will find a job for every one of them.

Anyone who wants to help should bring boots, gloves and their own lunch. Teams will be
given masks, bin bags and a short safety talk before they start, and nobody will be sent
into a house until a surveyor has checked that it is safe. The council says it will also
need people who can drive vans, cook and sit with older residents while their homes are
cleared, and asks volunteers to say on the list what they are best at.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Schools stay closed tomorrow",
        credit="Reporting by Jamie Thornbury",
        body="""\
**Education, {clock}** — Lowfold Academy, Quayside Primary, Mill Lane Infants and Fennick
Cross Primary will all stay closed tomorrow, the council has confirmed. The academy’s
sports hall remains on standby as a second rest centre.

Lowfold College says its Marrowby campus will reopen as soon as the power is back, and
that postponed exams will not be held for at least a week.

The council says it will decide about the rest of the week at its next briefing, and
that parents will hear from their children’s schools directly. Other schools in the
valley are open as normal. Quayside Primary, which had water in its hall and two
classrooms, is likely to be closed for longer, and the council is looking at whether its
pupils can share the academy’s buildings until the repairs are done. Free school meals
will be handed out at Cornmarket Hall for the children who normally receive them.""",
    ),
    ScriptedPost(
        minutes=0,
        headline="Engineers walk the railway line",
        credit="Reporting by Kofi Amankwah",
        body="""\
**Ellerdyke viaduct, {clock}** — Engineers from the Sennet Valley Railway are walking the
line between Marrowby and Fennick Cross to check the track and the embankments now that
the water has dropped back from the rails.

A spokesperson said ballast had been washed away along a stretch of about 200 metres
near the Ellerdyke viaduct, and that the viaduct itself would need a diver’s inspection
before any train could cross it.

> We know how much people rely on this line. We will reopen it the moment it is safe,
> and not a minute before.

Replacement buses continue to run from Station Road every 30 minutes. The railway says
tickets for the line will be accepted on the buses and on the valley’s ordinary bus
routes until trains are running again, and that season ticket holders can claim a refund
for every day the line is closed. It expects to give a date for reopening once the diver
has reported on the viaduct, which it hopes will be within two days.""",
    ),
)

AMENDMENTS = (
    Amendment(
        paragraph="**Update, {clock}:** The council has confirmed the details above to us.",
        note="Added the council’s confirmation.",
    ),
    Amendment(
        paragraph="**Update, {clock}:** Fire and rescue crews at the scene have confirmed "
                  "this account to our reporter.",
        note="Confirmed with fire and rescue crews at the scene.",
    ),
    Amendment(
        paragraph="**Update, {clock}:** The river authority says its next reading is due "
                  "within 15 minutes; we will add it to this page.",
        note="Added when the next river reading is due.",
    ),
)
